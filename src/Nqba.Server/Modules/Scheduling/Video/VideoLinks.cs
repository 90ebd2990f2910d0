using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>
/// Gives a meeting its join link from the first configured provider in <c>Scheduling:Video:Providers</c> that
/// answers; each failure (HTTP error, timeout, an answer without a link) is logged and named in the link's note,
/// and the Jitsi-style room, which cannot fail, is the last resort.
/// </summary>
internal sealed partial class VideoLinks(IEnumerable<IVideoProvider> providers, IOptions<SchedulingOptions> options, ILogger<VideoLinks> logger)
{
    public async Task<VideoLink> CreateAsync(VideoMeetingRequest request, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var provider in Chain())
        {
            var result = await WithTimeoutAsync(provider, token => provider.CreateAsync(request, token), cancellationToken);
            if (result.Succeeded)
            {
                var note = failures.Count == 0 ? null : $"{string.Join("; ", failures)}; used {provider.Name}";
                return new VideoLink(result.Value.JoinUrl, provider.Name, result.Value.MeetingId, note);
            }

            LogCreateFailed(logger, provider.Name, result.Error.Detail);
            failures.Add($"{provider.Name} failed ({result.Error.Detail})");
        }

        throw new InvalidOperationException("The Jitsi-style provider is always the last in the chain and never fails.");
    }

    /// <summary>Deletes the meeting at its provider (best effort); says what happened, for the booking's note.</summary>
    public async Task<string?> DeleteAsync(string? providerName, string? meetingId, CancellationToken cancellationToken)
    {
        var provider = providers.FirstOrDefault(p => string.Equals(p.Name, providerName, StringComparison.OrdinalIgnoreCase));
        if (meetingId is null || providerName is null || provider?.Name == VideoProviderNames.Jitsi)
        {
            return null;
        }

        if (provider is not { IsConfigured: true })
        {
            return $"{providerName} is no longer configured; its meeting was not deleted";
        }

        var result = await WithTimeoutAsync(provider, token => provider.DeleteAsync(meetingId, token), cancellationToken);
        if (result.Succeeded)
        {
            return $"{provider.Name} meeting deleted";
        }

        LogDeleteFailed(logger, provider.Name, meetingId, result.Error.Detail);
        return $"deleting the {provider.Name} meeting failed ({result.Error.Detail})";
    }

    /// <summary>Moves the meeting at its provider to new times (best effort); says what happened, for the booking's note.</summary>
    public async Task<string?> UpdateAsync(string? providerName, string? meetingId, VideoMeetingRequest request, CancellationToken cancellationToken)
    {
        var provider = providers.FirstOrDefault(p => string.Equals(p.Name, providerName, StringComparison.OrdinalIgnoreCase));
        if (meetingId is null || providerName is null || provider?.Name == VideoProviderNames.Jitsi)
        {
            return null;
        }

        if (provider is not { IsConfigured: true })
        {
            return $"{providerName} is no longer configured; its meeting still shows the earlier time";
        }

        var result = await WithTimeoutAsync(provider, token => provider.UpdateAsync(meetingId, request, token), cancellationToken);
        if (result.Succeeded)
        {
            return $"{provider.Name} meeting moved to {VendorHttp.Utc(request.StartUtc)}";
        }

        LogUpdateFailed(logger, provider.Name, meetingId, result.Error.Detail);
        return $"moving the {provider.Name} meeting failed ({result.Error.Detail}); the link still works, the vendor's calendar shows the earlier time";
    }

    /// <summary>The configured providers in the configured order, the Jitsi-style room last.</summary>
    private IEnumerable<IVideoProvider> Chain()
    {
        var configured = options.Value.Video.Providers;
        var names = (configured.Count == 0 ? [.. VideoProviderNames.All] : configured).Append(VideoProviderNames.Jitsi);
        var chain = names
            .Select(name => providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            .OfType<IVideoProvider>()
            .Where(p => p.IsConfigured)
            .Distinct()
            .ToList();
        return chain.TakeWhile(p => p.Name != VideoProviderNames.Jitsi).Append(chain.First(p => p.Name == VideoProviderNames.Jitsi));
    }

    private async Task<Result<T>> WithTimeoutAsync<T>(IVideoProvider provider, Func<CancellationToken, Task<Result<T>>> call, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Video.Timeout);
        try
        {
            return await call(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return VendorHttp.Failed($"no answer within {options.Value.Video.Timeout.TotalSeconds:0.#} s");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video provider {Provider} failed ({Reason}); trying the next one")]
    private static partial void LogCreateFailed(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moving meeting {MeetingId} at video provider {Provider} failed ({Reason})")]
    private static partial void LogUpdateFailed(ILogger logger, string provider, string meetingId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting meeting {MeetingId} at video provider {Provider} failed ({Reason})")]
    private static partial void LogDeleteFailed(ILogger logger, string provider, string meetingId, string reason);
}
