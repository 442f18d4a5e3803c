using ModelGrid.Evaluation.Data;
using static ModelGrid.Evaluation.Tests.Data.DataFixtures;

namespace ModelGrid.Evaluation.Tests.Data;

/// <summary>The MNIST test images and labels (gzip-compressed IDX), read in place.</summary>
public sealed class MnistIdxTests
{
    private static readonly Lazy<IdxArray> Images = new(() => IdxArray.Read(MnistImagesPath));
    private static readonly Lazy<IdxArray> Labels = new(() => IdxArray.Read(MnistLabelsPath));

    [Fact]
    public void Read_MnistImages_AreTenThousand28By28Bytes()
    {
        Assert.Equal(IdxElementType.UnsignedByte, Images.Value.ElementType);
        Assert.Equal([10_000, 28, 28], Images.Value.Dimensions);
        Assert.Equal(10_000, Images.Value.Count);
        Assert.Equal(784, Images.Value.ItemLength);
    }

    [Fact]
    public void Read_MnistLabels_FirstTenAndDigitCounts()
    {
        var labels = Labels.Value.ToInt64s();

        Assert.Equal(IdxElementType.UnsignedByte, Labels.Value.ElementType);
        Assert.Equal([10_000], Labels.Value.Dimensions);
        Assert.Equal(1, Labels.Value.ItemLength);
        Assert.Equal([7, 2, 1, 0, 4, 1, 4, 9, 5, 9], labels[..10]);
        Assert.Equal([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009], Enumerable.Range(0, 10).Select(d => labels.Count(l => l == d)));
    }

    [Fact]
    public void CopyItem_FirstImage_MatchesTheFileUnscaled()
    {
        var image = new float[784];

        Images.Value.CopyItem(0, image);

        Assert.Equal([0, 0, 0, 0, 0, 0, 84, 185, 159, 151, 60, 36, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], image[(7 * 28)..(8 * 28)]);
        Assert.Equal(18_454, image.Sum());
        Assert.Equal(116, image.Count(p => p != 0));
        Assert.Equal(255, image.Max());
    }

    [Fact]
    public void ToSingles_MnistImages_AllPixelsUnscaled()
    {
        var pixels = Images.Value.ToSingles();
        var last = new float[784];
        Images.Value.CopyItem(9_999, last);

        Assert.Equal(7_840_000, pixels.Length);
        Assert.Equal(264_923_200, pixels.Sum(p => (double)p));
        Assert.Equal(41_833, last.Sum());
        Assert.Equal(last, pixels[^784..]);
    }

    [Fact]
    public void Read_MnistLabelsFromStream_SameAsFromPath()
    {
        using var stream = File.OpenRead(MnistLabelsPath);

        Assert.Equal(Labels.Value.ToInt64s(), IdxArray.Read(stream).ToInt64s());
    }
}
