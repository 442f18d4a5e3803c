namespace ModelGrid.Benchmarks.Hub;

/// <summary>
/// Upload ingest against <c>openssl dgst -sha256</c>. Every round first makes the file new content (16 random bytes
/// at its start) and declares it in a new model's draft, so the PUT really hashes, writes, fsyncs and renames
/// instead of finding the digest stored; the answer must say "created". The order of the timed commands rotates
/// from round to round. The file is hot in the page cache for all of them. Every written file stays until the end
/// of the run, so each writer gets fresh memory for its page cache in the same way (deleting would also queue
/// discards that slow the next fsync).
/// </summary>
public static class IngestBench
{
    public const string FileName = "big.bin";

    public static async Task<IngestResults> RunAsync(
        HubApi api, BenchServer silo, string file, string scratch, long size, int rounds, Action<string> log, CancellationToken cancellationToken)
    {
        var sha256sum = (await ExternalCommand.RunAsync("sha256sum", [file], cancellationToken)).EnsureSuccess();
        log($"sha256sum (once, context): {sha256sum.Elapsed.TotalSeconds:F2} s");

        List<double> ingest = [], openssl = [], copy = [], direct = [], cpu = [];
        for (var round = 1; round <= rounds; round++)
        {
            var sha = await TestFile.RenewAsync(file, cancellationToken);
            var model = $"ingest-{round}";
            await api.CreateModelAsync(model, cancellationToken);
            var version = await api.CreateDraftAsync(model, FileName, size, sha, cancellationToken);
            var uri = api.FileUri(model, version, FileName);

            Func<Task>[] steps =
            [
                async () =>
                {
                    var upload = await CurlUpload.RunAsync(silo, uri, file, cancellationToken);
                    if (upload.Outcome != "created")
                    {
                        throw new InvalidOperationException($"round {round}: the upload was '{upload.Outcome}', not 'created'; it did not write");
                    }

                    ingest.Add(upload.Seconds);
                    cpu.Add(upload.ServerCpuSeconds / (size / CurlDownload.BytesPerGib));
                },
                async () =>
                {
                    var result = (await ExternalCommand.RunAsync("openssl", ["dgst", "-sha256", file], cancellationToken)).EnsureSuccess();
                    if (!result.Stdout.Trim().EndsWith("= " + sha, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"openssl computed '{result.Stdout.Trim()}', expected {sha}");
                    }

                    openssl.Add(result.Elapsed.TotalSeconds);
                },
                async () =>
                {
                    var target = Path.Combine(scratch, $"copy-{round}.bin");
                    var result = await ExternalCommand.RunAsync("dd", [$"if={file}", $"of={target}", "bs=1M", "conv=fsync", "status=none"], cancellationToken);
                    copy.Add(result.EnsureSuccess().Elapsed.TotalSeconds);
                },
                async () =>
                {
                    var target = Path.Combine(scratch, $"direct-{round}.bin");
                    var result = await ExternalCommand.RunAsync("dd", [$"if={file}", $"of={target}", "bs=1M", "oflag=direct", "conv=fsync", "status=none"], cancellationToken);
                    direct.Add(result.EnsureSuccess().Elapsed.TotalSeconds);
                },
            ];
            for (var i = 0; i < steps.Length; i++)
            {
                await steps[(i + round - 1) % steps.Length]();
            }

            log($"ingest round {round}/{rounds}: ingest {ingest[^1]:F2} s (silo CPU {cpu[^1]:F2} s/GiB), openssl {openssl[^1]:F2} s, dd+fsync {copy[^1]:F2} s, dd O_DIRECT+fsync {direct[^1]:F2} s");
        }

        return new IngestResults(new Samples(ingest), new Samples(openssl), new Samples(copy), new Samples(direct), new Samples(cpu), sha256sum.Elapsed.TotalSeconds);
    }
}
