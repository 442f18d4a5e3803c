using System.Text.Json;

namespace ModelGrid.Client.Cli;

/// <summary>What <c>grid login</c> remembers: the hub and the token, in the user's config folder (mode 0600).</summary>
public sealed record CliSettings(string? Url, string? Token)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary><c>$XDG_CONFIG_HOME/modelgrid/config.json</c>, or the platform's equivalent.</summary>
    public static string FilePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "modelgrid", "config.json");

    public static CliSettings Load()
    {
        var path = FilePath;
        if (!File.Exists(path))
        {
            return new CliSettings(null, null);
        }

        try
        {
            return JsonSerializer.Deserialize<CliSettings>(File.ReadAllText(path), Json) ?? new CliSettings(null, null);
        }
        catch (JsonException e)
        {
            throw new Transfer.CliException($"the settings file '{path}' is not valid JSON ({e.Message}); fix it or run 'grid login' again");
        }
    }

    public void Save()
    {
        var path = FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, this, Json);
        }

        File.Move(temp, path, overwrite: true);
    }
}
