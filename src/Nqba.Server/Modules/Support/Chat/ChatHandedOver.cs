using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>
/// A chat needs a human nobody can give now: the visitor asked for one (or the bot was unsure) while no agent was
/// online or outside the region's business hours, or no agent accepted in time. The transcript goes to a ticket.
/// </summary>
[EventName("support.chat-handed-over")]
public sealed record ChatHandedOver(
    Guid ConversationId,
    Guid? OrganizationId,
    string RegionCode,
    string Language,
    string VisitorName,
    string VisitorEmail,
    string Transcript,
    bool OutsideHours,
    DateTime At) : IDomainEvent;
