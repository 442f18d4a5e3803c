using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using ModelGrid.Silo.Web;
using ModelGrid.Storage.Blobs;
using ModelGrid.Testing;

namespace ModelGrid.Silo.Tests.Web;

/// <summary>The pages' key ring kept in the hub's blob store: what one silo protects, another over the same store reads.</summary>
public sealed class BlobKeyRepositoryTests : IDisposable
{
    private const string Purpose = "ModelGrid.Web.Session.v1";

    private readonly string _root = TestPaths.NewTempFolder("web-keys");

    [Fact]
    public void Protect_OnOneSilo_UnprotectsOnAnotherOverTheSameStore()
    {
        using var first = Silo(new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = _root }));
        var cookie = Protector(first).Protect("mgt_session_token");

        using var second = Silo(new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = _root }));

        Assert.Equal("mgt_session_token", Protector(second).Unprotect(cookie));
        Assert.Single(Directory.GetFiles(Path.Combine(_root, BlobKeyRepository.Prefix.TrimEnd('/')), "*.xml", SearchOption.AllDirectories));
    }

    [Fact]
    public void Protect_WithEachSiloKeepingItsOwnKeys_IsNotReadByAnother()
    {
        // The control: two key rings of their own (what each silo had without a shared repository) do not agree.
        using var first = Silo(new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = _root }));
        var cookie = Protector(first).Protect("mgt_session_token");

        var otherRoot = TestPaths.NewTempFolder("web-keys-other");
        using var other = Silo(new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = otherRoot }));

        Assert.ThrowsAny<CryptographicException>(() => Protector(other).Unprotect(cookie));
        Directory.Delete(otherRoot, recursive: true);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static ServiceProvider Silo(IBlobStore store)
    {
        var services = new ServiceCollection();
        services.AddSingleton(store);
        services.AddGridKeyRing();
        return services.BuildServiceProvider();
    }

    private static IDataProtector Protector(IServiceProvider silo) => silo.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
