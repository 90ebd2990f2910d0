using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>
/// A chat needs a human nobody can give now: the visitor asked for one (or the bot was unsure) while no agent was
/// online or outside the region's business hours, or no agent accepted in time. The transcript goes to a ticket.
/// Ids only: the visitor's name, e-mail and the messages stay encrypted in the chat store, where the subscriber
/// reads them, and never reach the event log in plain text.
/// </summary>
[EventName("support.chat-handed-over")]
public sealed record ChatHandedOver(
    Guid ConversationId,
    Guid? OrganizationId,
    string RegionCode,
    string Language,
    bool OutsideHours,
    DateTime At) : IDomainEvent;
