using ModelGrid.Silo.Infrastructure;

var builder = WebApplication.CreateBuilder(GridArguments.Translate(args));
builder.AddGridServices();

var app = builder.Build();
app.UseGridPipeline();
app.MapGridEndpoints();
app.Run();

/// <summary>The host's entry point; public so functional tests can start it with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
