using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ModelGrid.Api;
using ModelGrid.Evaluations;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Adversarial;

public static partial class HostileInputs
{
    /// <summary>
    /// Malformed, truncated, oversized and mismatched ONNX files, published and submitted to the COMPAS suite: not
    /// protobuf, empty, cut short, from a future IR version, with unknown operators, initializers whose bytes or
    /// dimensions are wrong, declared shapes too large for the memory ceiling or for a 64-bit count (refused before a
    /// session is made), data kept outside the file, inputs the suite does not map or maps otherwise (MNIST's CNN on a
    /// tabular suite), and a model that fails inside ONNX Runtime. Each job fails with exactly its one-line reason,
    /// which names no folder of the worker, records no result, and the worker then runs a good job to success. A file
    /// over the largest upload is refused at the door.
    /// </summary>
    public static readonly IReadOnlyList<HostileCase> Onnx = [.. OnnxCases()];

    private static IEnumerable<HostileCase> OnnxCases()
    {
        var sample = File.ReadAllBytes(Path.Combine(TestPaths.RepositoryRoot, "eval-suites", "models", "compas-recidivism", "v4", "model.onnx"));
        const string Invalid = @"^InvalidModelException: '<cache>/[0-9a-f]{64}' is not a valid ONNX model: ";
        const string Unparsable = Invalid + @"\[ErrorCode:InvalidProtobuf\] Load model from <cache>/[0-9a-f]{64} failed:Protobuf parsing failed\.$";
        const string TooLarge = "^ModelTooLargeException: ";
        const string Ceiling = "over the memory ceiling of 4 GiB$";
        const string Mismatch = "^ModelInputMismatchException: ";
        const string Unmapped = "is not mapped by suite compas-recidivism@1; it maps age, priors_count, juv_fel_count, juv_misd_count, juv_other_count, decile_score, c_charge_degree, sex, race$";
        (string Label, Func<byte[]> Model, string Reason)[] rows =
        [
            ("text, not ONNX", () => "this is not an ONNX model\n"u8.ToArray(), Unparsable),
            ("empty file", () => [], Invalid + @"\[ErrorCode:InvalidArgument\] Load model from <cache>/[0-9a-f]{64} failed:No graph was found in the protobuf\.$"),
            ("4 KiB of noise", () => [.. Enumerable.Range(0, 128).SelectMany(i => SHA256.HashData(BitConverter.GetBytes(i)))], Unparsable),
            ("sample cut in half", () => sample[..(sample.Length / 2)], Unparsable),
            ("sample cut to 16 bytes", () => sample[..16], Unparsable),
            ("IR version from the future", () => WithIrVersion(Fitting("Identity"), 99), Invalid + @"\[ErrorCode:Fail\] .*Unsupported model IR version: 99, max supported IR version: \d+ ?$"),
            ("operator that does not exist", () => Fitting("NoSuchOperator"), Invalid + @"\[ErrorCode:InvalidGraph\] .*Error No Op registered for NoSuchOperator with domain_version of 17$"),
            ("initializer with fewer bytes than declared", () => new OnnxGraph().Input("decile_score", OnnxGraph.FloatType, "N", 1).Initializer("w", OnnxGraph.FloatType, [1000], new byte[16])
                .Node("Add", ["decile_score", "w"], ["probability"]).Output("probability", OnnxGraph.FloatType, "N", 1000).ToModel(),
                Invalid + @"\[ErrorCode:Fail\] .*Initializer 'w': raw_data size \(16 bytes\) does not match expected size from shape and data type \(4000 bytes\)$"),
            ("initializer with a negative dimension", () => new OnnxGraph().Input("decile_score", OnnxGraph.FloatType, "N", 1).Initializer("w", OnnxGraph.FloatType, [-4], new byte[16])
                .Node("Add", ["decile_score", "w"], ["probability"]).Output("probability", OnnxGraph.FloatType, "N", 1).ToModel(), Invalid + @"\[ErrorCode:Fail\] .*Out of bounds dimensions in TypeProto_Tensor$"),
            ("MNIST CNN on a tabular suite", () => File.ReadAllBytes(TestArtifacts.Get("mnist.onnx")), Mismatch + "the model's input 'Input3' " + Unmapped),
            ("input the suite does not have", () => new OnnxGraph().Input("x", OnnxGraph.FloatType, "N", 1).Node("Identity", ["x"], ["probability"]).Output("probability", OnnxGraph.FloatType, "N", 1).ToModel(),
                Mismatch + "the model's input 'x' " + Unmapped),
            ("input of the wrong kind", () => new OnnxGraph().Input("decile_score", OnnxGraph.StringType, "N", 1).Node("Identity", ["decile_score"], ["probability"]).Output("probability", OnnxGraph.StringType, "N", 1).ToModel(),
                Mismatch + "the model's input 'decile_score' takes string tensors, but suite compas-recidivism@1 maps it as number$"),
            ("input of the wrong shape", () => new OnnxGraph().Input("decile_score", OnnxGraph.FloatType, "N", 3).Node("Identity", ["decile_score"], ["probability"]).Output("probability", OnnxGraph.FloatType, "N", 3).ToModel(),
                Mismatch + @"the model's input 'decile_score' has shape \[-1, 3\]; a column feeds \[N\] or \[N, 1\]$"),
            ("no output named probability", () => new OnnxGraph().Input("decile_score", OnnxGraph.FloatType, "N", 1).Node("Identity", ["decile_score"], ["y"]).Output("y", OnnxGraph.FloatType, "N", 1).ToModel(),
                Mismatch + "the model has no output 'probability'; it has y$"),
            ("initializer declared 2^40 floats", () => new OnnxGraph().Input("decile_score", OnnxGraph.FloatType, "N", 1).Initializer("w", OnnxGraph.FloatType, [1L << 20, 1L << 20], new byte[16])
                .Node("Add", ["decile_score", "w"], ["probability"]).Output("probability", OnnxGraph.FloatType, "N", 1).ToModel(), TooLarge + @"initializer 'w' declares 1099511627776 elements \(4 TiB of float\), " + Ceiling),
            ("initializer whose shape overflows 64 bits", () => new OnnxGraph().Input("decile_score", OnnxGraph.FloatType, "N", 1).Initializer("w", OnnxGraph.FloatType, [1L << 40, 1L << 40], new byte[16])
                .Node("Add", ["decile_score", "w"], ["probability"]).Output("probability", OnnxGraph.FloatType, "N", 1).ToModel(),
                TooLarge + @"initializer 'w' declares the shape \[1099511627776,1099511627776\], more elements than a 64-bit count holds; " + Ceiling),
            ("input whose shape overflows 64 bits", () => new OnnxGraph().Input("decile_score", OnnxGraph.FloatType, 1L << 40, 1L << 40).Node("Identity", ["decile_score"], ["probability"]).Output("probability", OnnxGraph.FloatType, "N", 1).ToModel(),
                TooLarge + @"input 'decile_score' declares the shape \[1099511627776,1099511627776\], more elements than a 64-bit count holds; " + Ceiling),
            ("input over the ceiling at the suite's batch", () => new OnnxGraph().Input("decile_score", OnnxGraph.FloatType, "N", 1L << 30).Node("ReduceMax", ["decile_score"], ["probability"])
                .Output("probability", OnnxGraph.FloatType, "N", 1).ToModel(), TooLarge + @"input 'decile_score' declares, at batch 1024, 1099511627776 elements \(4 TiB of float\), " + Ceiling),
            ("initializer kept in a file beside it", () => new OnnxGraph().Input("decile_score", OnnxGraph.FloatType, "N", 1).ExternalInitializer("w", OnnxGraph.FloatType, [1], "../../admin-token")
                .Node("Add", ["decile_score", "w"], ["probability"]).Output("probability", OnnxGraph.FloatType, "N", 1).ToModel(),
                "^InvalidModelException: initializer 'w' keeps its data outside the model file; the grid runs self-contained ONNX files only$"),
            ("fails inside ONNX Runtime", () => new OnnxGraph().Input("decile_score", OnnxGraph.FloatType, "N", 1).Node("Cast", ["decile_score"], ["index"], ("to", OnnxGraph.Int64Type))
                .Node("Gather", ["decile_score", "index"], ["probability"], ("axis", 1)).Output("probability", OnnxGraph.FloatType, "N", "M", 1).ToModel(),
                @"^ModelRunException: the model failed to run: \[ErrorCode:InvalidArgument\] .*running Gather node\. Name:'Gather_1' Status Message: indices element out of data bounds"),
        ];
        foreach (var (label, model, reason) in rows)
        {
            Guid? job = null;
            yield return new HostileCase($"onnx: {label}", Identities.AlicePublish,
                async w =>
                {
                    var version = await CorpusWorld.PublishAsync(w.Client(Identities.AlicePublish), CorpusWorld.Onnx, [CorpusWorld.FileOf("model.onnx", model()), CorpusWorld.RandomFile("notes.txt", 16)]);
                    return new WireRequest("POST", "/api/v1/evaluations").Json(Json(new SubmitEvaluationRequest(CorpusWorld.Onnx.ToString(), CorpusWorld.Suite, version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                },
                Outcome.Ok(202),
                WriteScope.Job,
                async (w, _) => await JobFailedClearlyAsync(w, job!.Value, reason),
                async (w, r) => job = (await w.WaitForJobAsync(r.Json().GetProperty("job").GetProperty("id").GetGuid())).Id);
        }

        yield return new HostileCase("onnx: file over the largest upload", Identities.AlicePublish,
            async w => new WireRequest("PUT", $"{await FreshDraftAsync(w)}/files/huge.onnx").Header("X-Grid-Sha256", Sha256("huge")) with { DeclaredLength = AdversarialGrid.MaxFileBytes + 1, Body = [] },
            new Outcome(413, "Request body too large"));
    }

    /// <summary>One node of <paramref name="operatorType"/> from the suite's <c>decile_score</c> to its <c>probability</c>.</summary>
    private static byte[] Fitting(string operatorType) =>
        new OnnxGraph().Input("decile_score", OnnxGraph.FloatType, "N", 1).Node(operatorType, ["decile_score"], ["probability"]).Output("probability", OnnxGraph.FloatType, "N", 1).ToModel();

    /// <summary>The model with its first field, <c>ir_version</c> (which <see cref="OnnxGraph"/> writes as one byte), set to <paramref name="version"/>.</summary>
    private static byte[] WithIrVersion(byte[] model, byte version)
    {
        Assert.Equal([0x08, 8], model[..2]);
        model[1] = version;
        return model;
    }

    /// <summary>
    /// The job failed with a reason matching <paramref name="reason"/>, one visible line without the worker's folders or
    /// a stack trace, recorded no result, and a good job run next on the same worker succeeds.
    /// </summary>
    private static async Task JobFailedClearlyAsync(CorpusWorld world, Guid id, string reason)
    {
        var job = (await world.Grid.Admin.GetEvaluationAsync(id, withResult: false, TestContext.Current.CancellationToken)).Job;
        Assert.True(job.Status == JobStatus.Failed, $"job {id:D} is {job.Status}, not failed ({job.FailureReason})");
        var text = job.FailureReason ?? string.Empty;
        Assert.Matches(new Regex(reason, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), text);
        Assert.False(text.Any(char.IsControl), $"the reason of job {id:D} is not one visible line: {text}");
        Assert.False(StackFrameText().IsMatch(text), $"the reason of job {id:D} shows a stack frame: {text}");
        foreach (var folder in new[] { world.Grid.DataPath, Path.GetTempPath().TrimEnd('/'), TestPaths.RepositoryRoot, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) })
        {
            Assert.DoesNotContain(folder, text, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Path.Combine(world.Grid.DataPath, "results", id.ToString("D"))), $"failed job {id:D} recorded a result");
        var good = await world.Client(Identities.AlicePublish).SubmitEvaluationAsync(new SubmitEvaluationRequest(CorpusWorld.Onnx.ToString(), CorpusWorld.Suite, "1", Force: true), TestContext.Current.CancellationToken);
        var next = await world.WaitForJobAsync(good.Job.Id);
        Assert.True(next.Status == JobStatus.Succeeded, $"the good job after it is {next.Status}: {next.FailureReason}");
    }

    [GeneratedRegex(@"\bat [A-Za-z_][\w.`]*\.[\w<>`]+\(|--- End of|\.cs:line \d+", RegexOptions.CultureInvariant)]
    private static partial Regex StackFrameText();
}
