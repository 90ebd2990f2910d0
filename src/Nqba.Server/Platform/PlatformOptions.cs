namespace Nqba.Server.Platform;

/// <summary>The <c>Platform</c> configuration section: settings every module shares.</summary>
public sealed class PlatformOptions
{
    public const string SectionName = "Platform";

    /// <summary>
    /// The absolute http or https address people reach this server at (e.g. <c>https://ops.example.com</c>); every
    /// link in an e-mail or calendar file starts with it. Empty: derived from the addresses the server listens on
    /// (<c>Urls</c>, the https one first), which suits a single machine only.
    /// </summary>
    public string? PublicUrl { get; set; }
}
