using ModelGrid.Silo.Infrastructure;
using ModelGrid.Silo.Operations;

// appsettings.json is read from beside the binaries, wherever the silo is started from; relative paths in settings
// (the data folder) stay relative to the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = GridArguments.Translate(args), ContentRootPath = AppContext.BaseDirectory });
try
{
    builder.AddGridServices();
}
catch (DataFolderInUseException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return DataFolderInUseException.ExitCode;
}
catch (Microsoft.Extensions.Options.OptionsValidationException e)
{
    // Settings that cannot work (an address that does not resolve, one port for two uses) stop the silo with one line.
    await Console.Error.WriteLineAsync($"error: invalid configuration: {string.Join("; ", e.Failures)}");
    return 2;
}

builder.AddGridOperations();
var app = builder.Build();
app.UseGridPipeline();
app.UseGridOperations();
app.MapGridEndpoints();
app.Run();
return Environment.ExitCode;

/// <summary>The host's entry point; public so functional tests can start it with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
