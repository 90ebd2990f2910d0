namespace Nqba.Server.Platform.Residency;

/// <summary>
/// One encrypted field value kept in its zone's store; the row in the main database holds only
/// <c>res1:ZONE:id</c>. The value is the same AES-256-GCM ciphertext the field would otherwise hold.
/// </summary>
internal sealed class ResidentValue
{
    public Guid Id { get; set; }

    public required string Value { get; set; }

    public DateTime WrittenAt { get; set; }
}
