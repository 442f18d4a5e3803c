using System.Text.Json;
using System.Text.RegularExpressions;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>The run command's console for operators: the detailed log with <c>--verbose</c>, JSON lines on request.</summary>
public sealed class ConsoleFormatTests
{
    [Fact]
    public async Task Start_Verbose_LogsAtInformation_AndSaysCudaIsMissingAtMostOnce()
    {
        var data = TestPaths.NewTempFolder("verbose");

        await using var silo = await SiloProcess.StartAsync(
            data,
            new Dictionary<string, string?> { ["Grid__Demo__Enabled"] = "false", ["Logging__LogLevel__Default"] = null },
            ["--verbose"]);
        await silo.StopAsync();

        Assert.Contains($"info: Microsoft.Hosting.Lifetime[14] Now listening on: http://127.0.0.1:{silo.Url.Port}\n", silo.Output, StringComparison.Ordinal);
        Assert.Contains("  logs:         Information and above (Logging__LogLevel__Default=Debug for more; Logging__Console__FormatterName=json for JSON)\n", silo.Output, StringComparison.Ordinal);
        Assert.True(Regex.Count(silo.Output, "CUDA is not available") <= 1, silo.Output);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Start_JsonFormatter_WritesEveryLineAsOneJsonObject_BannerIncluded()
    {
        var data = TestPaths.NewTempFolder("json-console");

        await using var silo = await SiloProcess.StartAsync(data, new Dictionary<string, string?>
        {
            ["Grid__Demo__Enabled"] = "false",
            ["Logging__Console__FormatterName"] = "json",
        });
        await silo.StopAsync();

        var entries = silo.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var banner = Assert.Single(entries, e => e.GetProperty("EventId").GetInt32() == 3300);
        Assert.Equal("ModelGrid.Silo.Infrastructure.RunConsole", banner.GetProperty("Category").GetString());
        Assert.Equal($"http://127.0.0.1:{silo.Url.Port}", banner.GetProperty("State").GetProperty("Url").GetString());
        Assert.Contains(entries, e => e.GetProperty("Category").GetString() == "Microsoft.Hosting.Lifetime");
        Directory.Delete(data, recursive: true);
    }
}
