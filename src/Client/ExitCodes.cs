using System.Net;

namespace ModelGrid.Client;

/// <summary>The exit codes of <c>grid</c>, documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>It worked.</summary>
    public const int Success = 0;

    /// <summary>Something unexpected failed, or the hub failed (5xx).</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments, or input the hub refused as invalid (400, 411, 413, 416).</summary>
    public const int Usage = 2;

    /// <summary>The model, version, file, alias, token or job does not exist, or was withdrawn (404, 410); or an artifact <c>grid eval --local</c> needs cannot be had.</summary>
    public const int NotFound = 3;

    /// <summary>No valid token, or the token may not do this (401, 403).</summary>
    public const int Unauthorized = 4;

    /// <summary>The request conflicts with the hub's state, e.g. uploading to a published version (409).</summary>
    public const int Conflict = 5;

    /// <summary>Downloaded content did not match its declared SHA-256; nothing was kept.</summary>
    public const int VerificationFailed = 6;

    /// <summary>The hub could not be reached.</summary>
    public const int Unreachable = 7;

    /// <summary>The hub refused the request for now: too many evaluation submissions (429).</summary>
    public const int RateLimited = 8;

    /// <summary>An evaluation failed or was cancelled (a submitted job, or <c>grid eval --local</c>).</summary>
    public const int EvaluationFailed = 9;

    /// <summary>An evaluation was still running when <c>--timeout</c> passed.</summary>
    public const int TimedOut = 10;

    /// <summary><c>grid admin check</c> found damaged state records that are still in place.</summary>
    public const int DamagedState = 11;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code for an HTTP error status.</summary>
    /// <param name="status">The status.</param>
    public static int ForStatus(HttpStatusCode status) => (int)status switch
    {
        400 or 411 or 413 or 416 or 422 => Usage,
        401 or 403 => Unauthorized,
        404 or 410 => NotFound,
        409 or 412 => Conflict,
        429 => RateLimited,
        _ => Failure,
    };
}
