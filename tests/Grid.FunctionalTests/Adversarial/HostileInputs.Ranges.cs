using System.Globalization;

namespace ModelGrid.FunctionalTests.Adversarial;

public static partial class HostileInputs
{
    /// <summary>
    /// Malformed, reversed, empty, multi and huge ranges and conditional headers on a published 100-byte file: each
    /// is answered with exactly the bytes RFC 9110 calls for (the whole file when a header is to be ignored, one
    /// range, 304, or 416 with <c>Content-Range: bytes */100</c>), and reads write nothing.
    /// </summary>
    public static readonly IReadOnlyList<HostileCase> Ranges = [.. RangeCases()];

    private static IEnumerable<HostileCase> RangeCases()
    {
        const long Whole = -1;
        (string Label, (string Name, string Value)[] Headers, int Status, long First, long Last)[] rows =
        [
            ("Range bytes=0-0", [("Range", "bytes=0-0")], 206, 0, 0),
            ("Range bytes=5-9", [("Range", "bytes=5-9")], 206, 5, 9),
            ("Range bytes=99-", [("Range", "bytes=99-")], 206, 99, 99),
            ("Range bytes=-5", [("Range", "bytes=-5")], 206, 95, 99),
            ("Range past the end clipped", [("Range", "bytes=90-1000")], 206, 90, 99),
            ("Range suffix longer than the file", [("Range", "bytes=-1000")], 206, 0, 99),
            ("Range with spaces", [("Range", "bytes= 1 - 2 ")], 206, 1, 2),
            ("Range upper-case unit", [("Range", "BYTES=1-2")], 206, 1, 2),
            ("Range bytes=5-2 (reversed: ignored)", [("Range", "bytes=5-2")], 200, Whole, 0),
            ("Range bytes=-0 (unsatisfiable)", [("Range", "bytes=-0")], 416, 0, 0),
            ("Range starting at the end", [("Range", "bytes=100-")], 416, 0, 0),
            ("Range starting past the end", [("Range", "bytes=1000-2000")], 416, 0, 0),
            ("Range start beyond a long", [("Range", "bytes=99999999999999999999999-")], 416, 0, 0),
            ("Range end beyond a long", [("Range", "bytes=0-99999999999999999999999")], 206, 0, 99),
            ("Range suffix beyond a long", [("Range", "bytes=-99999999999999999999999")], 206, 0, 99),
            ("Range multi-range (whole file)", [("Range", "bytes=0-1,5-6")], 200, Whole, 0),
            ("Range overlapping multi-range", [("Range", "bytes=0-50,0-50,0-50")], 200, Whole, 0),
            ("Range other unit", [("Range", "items=0-5")], 200, Whole, 0),
            ("Range no spec", [("Range", "bytes=")], 200, Whole, 0),
            ("Range letters", [("Range", "bytes=a-b")], 200, Whole, 0),
            ("Range double dash", [("Range", "bytes=--5")], 200, Whole, 0),
            ("Range negative start", [("Range", "bytes=-5-10")], 200, Whole, 0),
            ("Range no dash", [("Range", "bytes=5")], 200, Whole, 0),
            ("If-Range garbage", [("Range", "bytes=1-2"), ("If-Range", "garbage")], 200, Whole, 0),
            ("If-Range weak tag", [("Range", "bytes=1-2"), ("If-Range", "W/\"{etag}\"")], 200, Whole, 0),
            ("If-Range date", [("Range", "bytes=1-2"), ("If-Range", "Wed, 21 Oct 2015 07:28:00 GMT")], 200, Whole, 0),
            ("If-Range matching tag", [("Range", "bytes=1-2"), ("If-Range", "\"{etag}\"")], 206, 1, 2),
            ("If-None-Match *", [("If-None-Match", "*")], 304, 0, 0),
            ("If-None-Match matching tag", [("If-None-Match", "\"{etag}\"")], 304, 0, 0),
            ("If-None-Match weak matching tag", [("If-None-Match", "W/\"{etag}\"")], 304, 0, 0),
            ("If-None-Match in a list", [("If-None-Match", "\"other\", \"{etag}\"")], 304, 0, 0),
            ("If-None-Match other tag", [("If-None-Match", "\"other\"")], 200, Whole, 0),
            ("If-None-Match unquoted garbage", [("If-None-Match", "garbage")], 200, Whole, 0),
            ("If-None-Match * with a range", [("If-None-Match", "*"), ("Range", "bytes=1-2")], 304, 0, 0),
            ("If-Modified-Since garbage", [("If-Modified-Since", "yesterday")], 200, Whole, 0),
        ];
        foreach (var (label, headers, status, first, last) in rows)
        {
            yield return new HostileCase(label, Identities.Anonymous, w => WithHeaders(WireRequest.Get(PublicFile()), headers, w), new Outcome(status),
                check: (w, r) => CheckRangeAnswer(w, r, status, first == Whole ? null : (first, last)));
        }

        yield return new HostileCase("HEAD with Range", Identities.Anonymous, _ => new WireRequest("HEAD", PublicFile()).Header("Range", "bytes=1-2"), new Outcome(206),
            check: (_, r) => Check(() =>
            {
                Assert.Equal("bytes 1-2/100", r.Header("Content-Range"));
                Assert.Equal("2", r.Header("Content-Length"));
            }));
        yield return new HostileCase("Range on a withdrawn version", Identities.Anonymous,
            w => WireRequest.Get($"{PublicPath}/versions/{w.Targets[CorpusWorld.Public].Withdrawn}/files/{CorpusWorld.ModelFile}").Header("Range", "bytes=0-1"), new Outcome(410, "Version withdrawn"));
        yield return new HostileCase("Range on a draft's file", Identities.Anonymous,
            w => WireRequest.Get($"{PublicDraft(w)}/files/pending.bin").Header("Range", "bytes=0-1"), new Outcome(404, "Version not found"));
        yield return new HostileCase("If-None-Match * on a card", Identities.Anonymous,
            _ => WireRequest.Get($"{PublicPath}/versions/1/card").Header("If-None-Match", "*"), new Outcome(304));
        yield return new HostileCase("Range on a manifest (ignored)", Identities.Anonymous,
            _ => WireRequest.Get($"{PublicPath}/versions/1/manifest").Header("Range", "bytes=0-0"), Outcome.Ok());
    }

    private static WireRequest WithHeaders(WireRequest request, (string Name, string Value)[] headers, CorpusWorld world)
    {
        var etag = world.Targets[CorpusWorld.Public].FileSha256;
        return headers.Aggregate(request, (r, h) => r.Header(h.Name, h.Value.Replace("{etag}", etag, StringComparison.Ordinal)));
    }

    /// <summary>The exact bytes and headers: the whole file, one range of it, nothing (304), or 416 with the length.</summary>
    private static Task CheckRangeAnswer(CorpusWorld world, WireResponse response, int status, (long First, long Last)? range) => Check(() =>
    {
        var target = world.Targets[CorpusWorld.Public];
        var bytes = target.FileBytes;
        Assert.Equal($"\"{target.FileSha256}\"", response.Header("ETag"));
        switch (status)
        {
            case 200:
                Assert.Equal(bytes, response.Body);
                Assert.Null(response.Header("Content-Range"));
                Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
                break;
            case 206:
                var (first, last) = range!.Value;
                Assert.Equal(bytes[(int)first..((int)last + 1)], response.Body);
                Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"bytes {first}-{last}/{bytes.Length}"), response.Header("Content-Range"));
                break;
            case 304:
                Assert.Empty(response.Body);
                break;
            case 416:
                Assert.Equal($"bytes */{bytes.Length}", response.Header("Content-Range"));
                break;
            default:
                Assert.Fail($"no check for status {status}");
                break;
        }
    });

    private static Task Check(Action check)
    {
        check();
        return Task.CompletedTask;
    }
}
