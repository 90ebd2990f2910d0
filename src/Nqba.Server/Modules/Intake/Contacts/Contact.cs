namespace Nqba.Server.Modules.Intake.Contacts;

/// <summary>A person at a client organization who contacted the company; recognised again by e-mail.</summary>
internal sealed class Contact
{
    public Guid Id { get; set; }

    public Guid ClientOrganizationId { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower case; unique.</summary>
    public required string Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>en, de or ja.</summary>
    public required string Language { get; set; }

    public DateTime CreatedAt { get; set; }
}
