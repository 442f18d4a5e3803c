using ModelGrid.Client.Cli;

return await GridCli.RunAsync(args);
