namespace Nqba.Server.Resources;

/// <summary>Marker type for the public site's strings: home page, page shell, error pages (SiteResource.resx, .de.resx, .ja.resx).</summary>
internal sealed class SiteResource;
