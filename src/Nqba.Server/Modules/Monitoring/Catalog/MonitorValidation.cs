using Nqba.Server.Modules.Monitoring.Checks;

namespace Nqba.Server.Modules.Monitoring.Catalog;

/// <summary>Kind-specific rules the data annotations cannot express; each message names its field.</summary>
internal static class MonitorValidation
{
    public static Dictionary<string, string[]> Validate(MonitorRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        switch (request.Kind)
        {
            case MonitorKind.Http:
                if (!IsHttpTarget(request.Target))
                {
                    errors["target"] = ["An HTTP monitor needs an absolute http(s) URL, or a path starting with '/' on this server."];
                }

                if (request.StandbyTarget is not null && !IsHttpTarget(request.StandbyTarget))
                {
                    errors["standbyTarget"] = ["The standby target must be an absolute http(s) URL or a path starting with '/'."];
                }

                if (request.JsonExpected is not null && request.JsonPath is null)
                {
                    errors["jsonPath"] = ["jsonExpected needs a jsonPath to compare."];
                }

                break;
            case MonitorKind.Tcp or MonitorKind.Tls:
                if (request.Target is null || !HostPort.TryParse(request.Target, request.Kind == MonitorKind.Tls ? 443 : 0, out _, out _))
                {
                    errors["target"] = ["A TCP or TLS monitor needs host:port, e.g. db.internal:5432."];
                }

                if (request.TlsDownDays > request.TlsDegradedDays)
                {
                    errors["tlsDownDays"] = ["tlsDownDays must not exceed tlsDegradedDays."];
                }

                break;
            case MonitorKind.Heartbeat:
                break;
            case null:
                errors["kind"] = ["Kind is required: Http, Tcp, Tls or Heartbeat."];
                break;
            default:
                errors["kind"] = ["Kind must be Http, Tcp, Tls or Heartbeat."];
                break;
        }

        if (request.TimeoutSeconds >= request.IntervalSeconds && request.Kind != MonitorKind.Heartbeat)
        {
            errors["timeoutSeconds"] = ["The timeout must be shorter than the interval."];
        }

        return errors;
    }

    private static bool IsHttpTarget(string? target) =>
        target is not null && (target.StartsWith('/') ||
            (Uri.TryCreate(target, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)));
}
