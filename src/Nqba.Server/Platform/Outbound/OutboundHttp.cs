namespace Nqba.Server.Platform.Outbound;

/// <summary>Puts a named HttpClient under the <see cref="OutboundPolicy"/> and describes its failures safely.</summary>
public static class OutboundHttp
{
    /// <summary>Every client that fetches an address someone configured goes through this.</summary>
    public static IHttpClientBuilder UseOutboundPolicy(this IHttpClientBuilder builder) =>
        builder.ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<OutboundPolicy>().CreateHandler());

    /// <summary>
    /// What to store or show about a failed fetch: the refusal, the status code or the kind of failure, never
    /// text from the other side (a fetched page's first line would leak an internal page through the error).
    /// </summary>
    public static string Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OutboundRefusedException refused)
            {
                return refused.Message;
            }
        }

        return exception switch
        {
            HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status}.",
            HttpRequestException http => http.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "The host name could not be resolved.",
                HttpRequestError.ConnectionError => "The connection failed.",
                HttpRequestError.SecureConnectionError => "The TLS connection failed.",
                _ => "The request failed.",
            },
            TaskCanceledException or OperationCanceledException => "No answer in time.",
            _ => "The request failed.",
        };
    }
}
