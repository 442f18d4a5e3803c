using ModelGrid.Api;
using ModelGrid.Client.Transfer;
using ModelGrid.Hub;
using ModelGrid.Testing;

namespace ModelGrid.BrowserTests;

/// <summary>
/// What the browser tests publish besides the demo, through the REST API as a user would: alice's token, a private
/// model, a model whose card carries script, and a copy of the Adult sample to submit evaluations of.
/// </summary>
public sealed class HubData
{
    /// <summary>The owner of everything published here.</summary>
    public const string Owner = "alice";

    /// <summary>A private model: only alice and admins may read it.</summary>
    public static readonly ModelId PrivateModel = new(Owner, "private-notes");

    /// <summary>The private model's description, which must never reach anyone who may not read it.</summary>
    public const string PrivateDescription = "Confidential experiment kept out of public listings";

    /// <summary>A public model whose card holds a script element, an event-handler attribute and a script link.</summary>
    public static readonly ModelId HostileModel = new(Owner, "hostile-card");

    /// <summary>A copy of the Adult sample's first version that evaluations are submitted for.</summary>
    public static readonly ModelId AdultCopy = new(Owner, "adult-copy");

    /// <summary>The hostile card's text: each payload would set a window flag and open a dialog if it ran.</summary>
    public const string HostileCard = """
        ---
        license: MIT
        ---
        # Hostile card

        A card whose author tried to run code in readers' browsers.

        <script>window.__cardScriptRan = true; alert('script');</script>

        <img src="missing.png" alt="broken" onerror="window.__cardOnerrorRan = true; alert('onerror')">

        <p onmouseover="window.__cardHandlerRan = true">Hover text</p>

        [a link](javascript:window.__cardLinkRan=true)
        """;

    private HubData(string aliceToken) => AliceToken = aliceToken;

    /// <summary>alice's token: read, publish and evaluate in her namespace.</summary>
    public string AliceToken { get; }

    /// <summary>Publishes the data on <paramref name="hub"/>.</summary>
    public static async Task<HubData> PublishAsync(HubFixture hub)
    {
        var created = await hub.Admin.CreateTokenAsync(new CreateTokenRequest(Owner, ["read", "publish", "evaluate"], "browser tests"));
        var alice = hub.Client(created.Token);
        var pusher = new Pusher(alice, SilentProgress.Instance);

        using (var folder = new TempFolder())
        {
            folder.Write("weights.bin", "private weights");
            folder.Write("README.md", "# Private notes\n\n" + PrivateDescription + "\n");
            await pusher.PushAsync(folder.Path, PrivateModel, new PushOptions(CreateWith: new CreateModelRequest(
                PrivateModel.Owner, PrivateModel.Name, PrivateDescription, "text-classification", "MIT", ["secret"], ModelVisibility.Private)));
        }

        using (var folder = new TempFolder())
        {
            folder.Write("weights.bin", "hostile weights");
            folder.Write("README.md", HostileCard);
            await pusher.PushAsync(folder.Path, HostileModel, new PushOptions(CreateWith: new CreateModelRequest(
                HostileModel.Owner, HostileModel.Name, "A card with script in it", "text-classification", "MIT")));
        }

        var adult = Path.Combine(TestPaths.RepositoryRoot, "eval-suites", "models", "adult-income", "v1");
        await pusher.PushAsync(adult, AdultCopy, new PushOptions(CreateWith: new CreateModelRequest(
            AdultCopy.Owner, AdultCopy.Name, "A copy of the Adult sample for evaluations submitted from the model page", "tabular-classification", "Apache-2.0")));

        return new HubData(created.Token);
    }
}
