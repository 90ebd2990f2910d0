namespace Nqba.Server.Platform.Audit;

/// <summary>What a module asks the ledger to record; the ledger adds who, when, where and the chain hash.</summary>
/// <param name="Action">Dotted verb, e.g. <c>access.user.created</c>.</param>
/// <param name="EntityType">The kind of record changed.</param>
/// <param name="EntityId">Its id.</param>
/// <param name="Before">State before the change (JSON), where sensible.</param>
/// <param name="After">State after the change (JSON), where sensible.</param>
/// <param name="OrganizationId">The client organization concerned, if any.</param>
public sealed record AuditRecord(
    string Action,
    string? EntityType = null,
    string? EntityId = null,
    object? Before = null,
    object? After = null,
    Guid? OrganizationId = null);
