using Microsoft.Extensions.Options;

namespace Nqba.Server.Platform.Web;

/// <summary>
/// Fills an empty <c>Platform:PublicUrl</c> before it is validated: from the per-module keys it replaced (read for
/// one release) or else from the addresses in <c>Urls</c>, so a default install starts with working links.
/// </summary>
internal sealed class PublicUrlResolver(IConfiguration configuration) : IPostConfigureOptions<PlatformOptions>, IValidateOptions<PlatformOptions>
{
    /// <summary>The keys read when <c>Platform:PublicUrl</c> is empty; remove after the release that replaced them.</summary>
    public static readonly string[] LegacyKeys = ["Scheduling:PublicBaseUrl", "Support:PublicBaseUrl"];

    /// <summary>Kestrel's own default address, when nothing names one.</summary>
    private const string KestrelDefault = "http://localhost:5000";

    public void PostConfigure(string? name, PlatformOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PublicUrl))
        {
            return;
        }

        options.PublicUrl = LegacyKeys.Select(k => configuration[k]).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
            ?? FromListenAddresses(configuration["urls"]);
    }

    public ValidateOptionsResult Validate(string? name, PlatformOptions options) =>
        Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Platform:PublicUrl must be an absolute http or https address without query, such as https://ops.example.com; got '{options.PublicUrl}'.");

    /// <summary>The https address of a <c>Urls</c> list (else the first), a wildcard host read as <c>localhost</c>.</summary>
    public static string FromListenAddresses(string? urls)
    {
        var addresses = (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var address = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? KestrelDefault;
        foreach (var wildcard in new[] { "://0.0.0.0", "://[::]", "://+", "://*" })
        {
            address = address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return address;
    }
}
