using System.Net.Http.Headers;
using ModelGrid.Silo.Hub;

namespace ModelGrid.Silo.Tests.Hub;

public sealed class AttachmentDispositionTests
{
    [Theory]
    [InlineData("model.onnx", "attachment; filename=\"model.onnx\"")]
    [InlineData("with space.bin", "attachment; filename=\"with space.bin\"")]
    [InlineData("модель.bin", "attachment; filename=\"______.bin\"; filename*=UTF-8''%D0%BC%D0%BE%D0%B4%D0%B5%D0%BB%D1%8C.bin")]
    [InlineData("权重.bin", "attachment; filename=\"__.bin\"; filename*=UTF-8''%E6%9D%83%E9%87%8D.bin")]
    [InlineData("🤖 robot.bin", "attachment; filename=\"_ robot.bin\"; filename*=UTF-8''%F0%9F%A4%96%20robot.bin")]
    [InlineData("it's;a,b=c.bin", "attachment; filename=\"it's;a,b=c.bin\"")]
    [InlineData("caf\u00e9 it's.bin", "attachment; filename=\"caf_ it's.bin\"; filename*=UTF-8''caf%C3%A9%20it%27s.bin")]
    public void For_GivesAnAsciiFallbackAndTheExactNameInFileNameStar(string name, string expected)
    {
        Assert.Equal(expected, AttachmentDisposition.For(name));
    }

    [Theory]
    [InlineData("модель.bin")]
    [InlineData("模型权重.safetensors")]
    [InlineData("نموذج.bin")]
    [InlineData("मॉडल.bin")]
    [InlineData("🤖 robot (v2) [final] {x} @home +1 ~!$^`|.bin")]
    [InlineData("cafe\u0301.bin")]
    public void For_EveryValueIsAsciiAndDecodesBackToTheName(string name)
    {
        var value = AttachmentDisposition.For(name);

        Assert.All(value, c => Assert.InRange(c, ' ', '~'));
        var parsed = ContentDispositionHeaderValue.Parse(value);
        Assert.Equal("attachment", parsed.DispositionType);
        Assert.Equal(name, parsed.FileNameStar);
    }

    [Fact]
    public void For_FallbackHasNoQuoteBackslashOrPercent()
    {
        var value = AttachmentDisposition.For("a\"b\\c%d.bin");

        Assert.Equal("attachment; filename=\"a_b_c_d.bin\"; filename*=UTF-8''a%22b%5Cc%25d.bin", value);
    }
}
