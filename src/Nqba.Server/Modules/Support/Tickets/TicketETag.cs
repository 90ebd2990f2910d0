using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>A ticket's entity tag, its <see cref="Ticket.Version"/> quoted (<c>"7"</c>), and the If-Match header that sends it back.</summary>
internal static class TicketETag
{
    public static string Of(int version) => EntityTag.Of(version);

    /// <inheritdoc cref="EntityTag.Expected"/>
    public static int? Expected(string? ifMatch) => EntityTag.Expected(ifMatch);
}
