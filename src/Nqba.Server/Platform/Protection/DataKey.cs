namespace Nqba.Server.Platform.Protection;

/// <summary>
/// An organization's AES-256 data key, stored only wrapped by a master key. Destroying it (crypto-shredding)
/// makes every field encrypted under it unreadable while the records stay for statistics.
/// </summary>
internal sealed class DataKey
{
    public Guid Id { get; set; }

    /// <summary>The client organization; null for the platform's own key (staff data, search hashing).</summary>
    public Guid? OrganizationId { get; set; }

    public DataKeyPurpose Purpose { get; set; }

    public required string MasterKeyId { get; set; }

    public byte[]? WrappedKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DestroyedAt { get; set; }
}
