namespace Nqba.Server.Platform.Outbound;

/// <summary>A fetch the outbound policy refused before connecting; the message names the host and the settings.</summary>
public sealed class OutboundRefusedException : IOException
{
    public OutboundRefusedException(string message)
        : base(message)
    {
    }

    public OutboundRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OutboundRefusedException()
    {
    }

    /// <summary>The refusal of <paramref name="host"/>.</summary>
    public static OutboundRefusedException For(string host) =>
        new($"Outbound requests to {host} are not allowed: it is a loopback, private, link-local or metadata address (Outbound:AllowedHosts, Outbound:AllowPrivateNetworks).");
}
