namespace ModelGrid.Client.Transfer;

/// <summary>Downloaded content did not have the digest the hub declared (exit code 6); nothing was kept.</summary>
public sealed class VerificationException(string message) : Exception(message);
