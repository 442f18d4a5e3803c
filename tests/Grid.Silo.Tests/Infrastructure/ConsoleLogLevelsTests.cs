using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ModelGrid.Silo.Infrastructure;
using ModelGrid.Testing;

namespace ModelGrid.Silo.Tests.Infrastructure;

/// <summary>The log levels src/Silo/appsettings.json sets, as a logger factory applies them (with and without --verbose).</summary>
public sealed class ConsoleLogLevelsTests
{
    [Theory]
    [InlineData("ModelGrid.Silo.Infrastructure.RunConsole", LogLevel.Information, true)]
    [InlineData("ModelGrid.Silo.Demo.DemoPublisher", LogLevel.Information, false)]
    [InlineData("ModelGrid.Silo.Demo.DemoPublisher", LogLevel.Warning, true)]
    [InlineData("Microsoft.Hosting.Lifetime", LogLevel.Information, false)]
    [InlineData("Orleans.Runtime.Silo", LogLevel.Warning, true)]
    [InlineData("Orleans.Runtime.Watchdog", LogLevel.Warning, false)]
    [InlineData("Orleans.Runtime.Watchdog", LogLevel.Error, true)]
    [InlineData("Orleans.Runtime.MembershipService.LocalSiloHealthMonitor", LogLevel.Warning, false)]
    [InlineData("Orleans.Runtime.MembershipService.MembershipTableManager", LogLevel.Warning, true)]
    public void AppSettings_Default_WarningsAndTheConversation_WithoutOrleansFalseAlarms(string category, LogLevel level, bool enabled)
    {
        using var factory = Factory([]);

        Assert.Equal(enabled, factory.CreateLogger(category).IsEnabled(level));
    }

    [Theory]
    [InlineData("ModelGrid.Silo.Demo.DemoPublisher", LogLevel.Information, true)]
    [InlineData("Microsoft.Hosting.Lifetime", LogLevel.Information, true)]
    [InlineData("ModelGrid.Silo.Demo.DemoPublisher", LogLevel.Debug, false)]
    [InlineData("Orleans.Runtime.Silo", LogLevel.Information, false)]
    [InlineData("Orleans.Runtime.Watchdog", LogLevel.Warning, false)]
    public void AppSettings_Verbose_InformationForAllButOrleans(string category, LogLevel level, bool enabled)
    {
        using var factory = Factory([GridArguments.Verbose]);

        Assert.Equal(enabled, factory.CreateLogger(category).IsEnabled(level));
    }

    private static ILoggerFactory Factory(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(TestPaths.RepositoryRoot, "src", "Silo", "appsettings.json"))
            .AddCommandLine(GridArguments.Translate(args))
            .Build();
        return LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddProvider(new EveryLevelProvider()));
    }

    /// <summary>A provider whose loggers take every level, so only the configured rules decide.</summary>
    private sealed class EveryLevelProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new EveryLevelLogger();

        public void Dispose()
        {
        }

        private sealed class EveryLevelLogger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
            }
        }
    }
}
