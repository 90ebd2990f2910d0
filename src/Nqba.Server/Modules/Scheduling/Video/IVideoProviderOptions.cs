namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>The credentials of one vendor's provider: it is on when all of them are set.</summary>
public interface IVideoProviderOptions
{
    /// <summary>How many settings the provider needs.</summary>
    int RequiredCount { get; }

    /// <summary>The names of the required settings that are empty.</summary>
    IEnumerable<string> Missing();
}
