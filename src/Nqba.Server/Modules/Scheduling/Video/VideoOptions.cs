using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>The <c>Scheduling:Video</c> section: which providers give meetings their join links, in which order.</summary>
public sealed class VideoOptions
{
    /// <summary>
    /// Providers tried in this order (empty: Zoom, Teams, GoogleMeet, Jitsi); one without credentials is skipped
    /// (off). The Jitsi-style room is the last resort after all of them, also when not listed. Empty by default
    /// because configuration binding appends to a list instead of replacing it.
    /// </summary>
    public List<string> Providers { get; set; } = [];

    /// <summary>The longest one provider may take (token and meeting call together) before the next one is tried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public ZoomOptions Zoom { get; set; } = new();

    public TeamsOptions Teams { get; set; } = new();

    public GoogleMeetOptions GoogleMeet { get; set; } = new();

    /// <summary>Validates the nested provider settings (data annotations do not descend into them).</summary>
    public IEnumerable<ValidationResult> Validate(string prefix)
    {
        foreach (var name in Providers.Where(p => !VideoProviderNames.All.Contains(p, StringComparer.OrdinalIgnoreCase)))
        {
            yield return new ValidationResult($"{prefix}:Providers: unknown video provider '{name}' (known: {string.Join(", ", VideoProviderNames.All)}).", ["Providers"]);
        }

        foreach (var (name, provider) in new (string, IVideoProviderOptions)[] { (VideoProviderNames.Zoom, Zoom), (VideoProviderNames.Teams, Teams), (VideoProviderNames.GoogleMeet, GoogleMeet) })
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(provider, new ValidationContext(provider), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult($"{prefix}:{name}: {result.ErrorMessage}", result.MemberNames);
            }

            var missing = provider.Missing().ToList();
            if (missing.Count > 0 && missing.Count < provider.RequiredCount)
            {
                yield return new ValidationResult($"{prefix}:{name} is partly configured: {string.Join(", ", missing)} missing (set all of them, or none to turn {name} off).", missing);
            }
        }
    }
}
