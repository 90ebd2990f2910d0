using Microsoft.Extensions.Options;

namespace Nqba.Server.Platform.Web;

/// <summary>Absolute links to this server's pages, from <c>Platform:PublicUrl</c>: every e-mail and calendar file uses them.</summary>
public sealed class PublicLinks(IOptions<PlatformOptions> options)
{
    /// <summary>The public address, ending in <c>/</c>.</summary>
    public Uri BaseUri { get; } = new(options.Value.PublicUrl!.TrimEnd('/') + "/", UriKind.Absolute);

    /// <summary>The absolute address of <paramref name="pathAndQuery"/> (e.g. <c>/leads/42</c>), kept below the base's own path.</summary>
    public string To(string pathAndQuery) => new Uri(BaseUri, pathAndQuery.TrimStart('/')).AbsoluteUri;
}
