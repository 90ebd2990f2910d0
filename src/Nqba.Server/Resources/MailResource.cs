namespace Nqba.Server.Resources;

/// <summary>Marker type for the strings of every e-mail the product sends (MailResource.resx, .de.resx, .ja.resx).</summary>
internal sealed class MailResource;
