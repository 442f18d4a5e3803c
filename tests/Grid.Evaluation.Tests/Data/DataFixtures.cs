using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ModelGrid.Evaluation.Data;
using ModelGrid.Testing;

namespace ModelGrid.Evaluation.Tests.Data;

/// <summary>Hand-made CSV and IDX inputs, and the verified third-party dataset files.</summary>
internal static class DataFixtures
{
    public static string AdultTestPath => TestArtifacts.Get("adult-test.csv");

    public static string CompasPath => TestArtifacts.Get("compas-scores-two-years-nopii.csv");

    public static string MnistImagesPath => TestArtifacts.Get("t10k-images-idx3-ubyte.gz");

    public static string MnistLabelsPath => TestArtifacts.Get("t10k-labels-idx1-ubyte.gz");

    /// <summary>The Adult column names (the file has no header; adult.names lists them).</summary>
    public static IReadOnlyList<string> AdultColumns { get; } =
    [
        "age", "workclass", "fnlwgt", "education", "education-num", "marital-status", "occupation", "relationship",
        "race", "sex", "capital-gain", "capital-loss", "hours-per-week", "native-country", "income",
    ];

    public static CsvReadOptions AdultOptions { get; } = new()
    {
        HasHeader = false,
        ColumnNames = AdultColumns,
        TrimValues = true,
        MissingValues = ["?"],
    };

    /// <summary>Reads <paramref name="text"/> as UTF-8 from a memory stream (so messages name no file).</summary>
    public static CsvTable Csv(string text, CsvReadOptions? options = null) =>
        Csv(Encoding.UTF8.GetBytes(text), options);

    public static CsvTable Csv(byte[] bytes, CsvReadOptions? options = null)
    {
        using var stream = new MemoryStream(bytes);
        return CsvTable.Read(stream, options ?? new CsvReadOptions());
    }

    /// <summary>An IDX file: the magic number, the big-endian dimensions, then <paramref name="body"/> as given.</summary>
    public static byte[] Idx(IdxElementType type, int[] dimensions, byte[] body)
    {
        var bytes = new byte[4 + (dimensions.Length * 4) + body.Length];
        bytes[2] = (byte)type;
        bytes[3] = (byte)dimensions.Length;
        for (var i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (i * 4)), dimensions[i]);
        }

        body.CopyTo(bytes, 4 + (dimensions.Length * 4));
        return bytes;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            gzip.Write(bytes);
        }

        return compressed.ToArray();
    }

    public static IdxArray ReadIdx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return IdxArray.Read(stream);
    }
}
