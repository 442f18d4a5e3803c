using ModelGrid.Testing;

namespace ModelGrid.Client.Cli.Tests;

/// <summary>
/// Points <c>XDG_CONFIG_HOME</c> (where the CLI keeps its saved login) at a fresh folder until disposed. Environment
/// variables are process-wide: only tests of the <see cref="ConfigHomeDefinition"/> may use it.
/// </summary>
public sealed class ConfigHome : IDisposable
{
    private const string Variable = "XDG_CONFIG_HOME";
    private readonly string? _previous = Environment.GetEnvironmentVariable(Variable);
    private readonly TempFolder _folder = new();

    public ConfigHome()
    {
        Environment.SetEnvironmentVariable(Variable, _folder.Path);
    }

    public string Path => _folder.Path;

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, _previous);
        _folder.Dispose();
    }
}
