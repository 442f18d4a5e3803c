using ModelGrid.Silo.Demo;
using ModelGrid.Storage.Artifacts;

namespace ModelGrid.Silo.Tests.Demo;

public sealed class MissingArtifactsTextTests
{
    private static MissingArtifact Missing(string name, string neededFor) => new(ArtifactManifest.Default.Find(name)!, neededFor);

    [Fact]
    public void Render_NothingMissing_Empty()
    {
        Assert.Equal(string.Empty, MissingArtifactsText.Render([], new ArtifactOptions()));
    }

    [Fact]
    public void Render_OfflineWithoutMirrors_NamesEachOnce_AndTheTwoWaysToProvideThem()
    {
        var text = MissingArtifactsText.Render(
            [Missing("adult-test.csv", "suite adult-income (3 jobs failed)"), Missing("compas-scores-two-years-nopii.csv", "suite compas-recidivism (1 job failed)")],
            new ArtifactOptions { Offline = true });

        Assert.Equal(
            """
            The demo could not get 2 artifacts it needs: downloading is off (Grid__Artifacts__Offline=true) and no mirror folder is set (Grid__Artifacts__Mirrors__0).
              adult-test.csv                     2,003,132 bytes  for suite adult-income (3 jobs failed)
              compas-scores-two-years-nopii.csv  2,247,610 bytes  for suite compas-recidivism (1 job failed); a folder may hold its original compas-scores-two-years.csv instead
            Provide them in one of two ways, then start the silo again; the demo runs what could not run:
              - a folder that holds them (searched a few levels deep; size and SHA-256 are verified):
                  Grid__Artifacts__Mirrors__0=/path/to/folder dotnet run --project src/Silo -c Release
              - online: without Grid__Artifacts__Offline=true the silo downloads them from their pinned sources (./grid artifacts list);
                or, while the silo runs, import them with the admin token: ./grid artifacts import <folder>

            """,
            text);
    }

    [Fact]
    public void Render_OnlineWithMirrors_OneArtifact_SaysTheDownloadFailedAndTheMirrorsLackIt()
    {
        var options = new ArtifactOptions();
        options.Mirrors.Add("/data/mirror");

        var text = MissingArtifactsText.Render([Missing("mnist.onnx", "the demo model demo/mnist")], options);

        Assert.Equal(
            """
            The demo could not get 1 artifact it needs: downloading it failed and the mirror folders (/data/mirror) do not hold it.
              mnist.onnx  26,454 bytes  for the demo model demo/mnist
            Provide it in one of two ways, then start the silo again; the demo runs what could not run:
              - a folder that holds it (searched a few levels deep; size and SHA-256 are verified):
                  Grid__Artifacts__Mirrors__0=/path/to/folder dotnet run --project src/Silo -c Release
              - online: once this machine reaches its pinned source (./grid artifacts list), the silo downloads it;
                or, while the silo runs, import it with the admin token: ./grid artifacts import <folder>

            """,
            text);
    }

    [Fact]
    public void Render_OnlyMirrorOnlyArtifacts_OffersAFolderOrAnImport_NeverADownload()
    {
        var text = MissingArtifactsText.Render(
            [Missing("stories260K_kv.onnx", "the demo model demo/stories260k"), Missing("tok512.model", "the demo model demo/stories260k")],
            new ArtifactOptions());

        Assert.Equal(
            """
            The demo could not get 2 artifacts it needs: no public source serves them and no mirror folder is set (Grid__Artifacts__Mirrors__0).
              stories260K_kv.onnx  1,091,409 bytes  for the demo model demo/stories260k; mirror only: no public source
              tok512.model             7,986 bytes  for the demo model demo/stories260k; mirror only: no public source
            Provide them in one of two ways, then start the silo again; the demo runs what could not run:
              - a folder that holds them (searched a few levels deep; size and SHA-256 are verified):
                  Grid__Artifacts__Mirrors__0=/path/to/folder dotnet run --project src/Silo -c Release
              - while the silo runs, import them with the admin token: ./grid artifacts import <folder>

            """,
            text);
    }

    [Fact]
    public void Render_MirrorOnlyBesideDownloadable_OffersTheDownloadForTheOthersOnly()
    {
        var text = MissingArtifactsText.Render(
            [Missing("tok512.model", "the demo model demo/stories260k"), Missing("crows_pairs_anonymized.csv", "suite crows-pairs on demo/stories260k")],
            new ArtifactOptions { Offline = true });

        Assert.Contains(
            "  - online: without Grid__Artifacts__Offline=true the silo downloads the one not mirror only from its pinned source (./grid artifacts list);\n",
            text,
            StringComparison.Ordinal);
    }
}
