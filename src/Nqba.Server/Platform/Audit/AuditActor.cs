namespace Nqba.Server.Platform.Audit;

/// <summary>Who did it and from where; taken from the HTTP request, or "system"/"cli" outside one.</summary>
public sealed record AuditActor(string? Id, string Name, string? IpAddress)
{
    public static readonly AuditActor System = new(null, "system", null);
}
