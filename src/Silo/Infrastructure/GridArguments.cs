namespace ModelGrid.Silo.Infrastructure;

/// <summary>The silo's own command-line flags, translated into the configuration keys they stand for.</summary>
public static class GridArguments
{
    /// <summary>Exit after the demo has printed its report: status 0 when every job succeeded (<c>Grid:Demo:ExitAfter</c>).</summary>
    public const string ExitAfterDemo = "--exit-after-demo";

    /// <summary>Log at Information and above instead of the default Warning (<c>Logging:LogLevel:Default</c>).</summary>
    public const string Verbose = "--verbose";

    /// <summary>The arguments with every flag replaced by its <c>--Key=value</c> form; other arguments pass unchanged.</summary>
    public static string[] Translate(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return [.. args.Select(a => a switch
        {
            ExitAfterDemo => "--Grid:Demo:ExitAfter=true",
            Verbose => "--Logging:LogLevel:Default=Information",
            _ => a,
        })];
    }
}
