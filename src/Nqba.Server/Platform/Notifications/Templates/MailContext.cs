using System.Globalization;
using System.Resources;
using NodaTime;
using Nqba.Server.Platform.Web;
using Nqba.Server.Resources;

namespace Nqba.Server.Platform.Notifications.Templates;

/// <summary>
/// What a mail template renders with, cascaded to it and to the mail building blocks: the pass (subject, HTML,
/// text), the recipient's culture, its strings (<c>Resources/MailResource*.resx</c>) and the public links.
/// </summary>
public sealed class MailContext(MailFormat format, CultureInfo culture, PublicLinks links)
{
    private static readonly ResourceManager Strings = new(typeof(MailResource));

    /// <summary>Stands for a line break inside a text-pass fragment; the renderer drops the template's own line breaks.</summary>
    internal const char LineBreak = '\u2028';

    public MailFormat Format { get; } = format;

    public CultureInfo Culture { get; } = culture;

    public PublicLinks Links { get; } = links;

    /// <summary>The string <paramref name="name"/> in the recipient's language.</summary>
    public string this[string name] => Strings.GetString(name, Culture) ?? throw new MissingManifestResourceException($"Mail string '{name}' is missing.");

    /// <summary>The string <paramref name="name"/> in the recipient's language, its placeholders filled in the recipient's culture.</summary>
    public string Text(string name, params object?[] args) => string.Format(Culture, this[name], args);

    /// <summary>A UTC instant as the recipient reads it: date and time in <paramref name="timeZone"/> (UTC when unknown), and the zone.</summary>
    public string Time(DateTime utc, string? timeZone)
    {
        var zone = (timeZone is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone)) ?? DateTimeZone.Utc;
        var local = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone);
        return string.Create(Culture, $"{local.ToDateTimeUnspecified().ToString("f", Culture)} ({zone.Id}, UTC{local.Offset})");
    }
}
