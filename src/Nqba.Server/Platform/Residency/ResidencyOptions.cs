namespace Nqba.Server.Platform.Residency;

/// <summary>
/// The <c>Residency</c> section: where each residency zone's personal data is stored. The main database serves
/// <see cref="HomeZone"/>; a zone with a store of its own (e.g. <c>Residency:Stores:EU:ConnectionString</c>) keeps its
/// clients' encrypted fields there and only references in the main database. No stores: everything is local.
/// </summary>
public sealed class ResidencyOptions
{
    public const string SectionName = "Residency";

    /// <summary>The zone whose personal data the main database holds (US, EU or APAC).</summary>
    public string HomeZone { get; set; } = "US";

    public Dictionary<string, ResidencyStoreOptions> Stores { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
