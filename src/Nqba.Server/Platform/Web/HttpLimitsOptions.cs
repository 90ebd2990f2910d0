using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Platform.Web;

/// <summary>The <c>Http</c> configuration section.</summary>
public sealed class HttpLimitsOptions
{
    public const string SectionName = "Http";

    /// <summary>Largest request body accepted; larger requests get 413.</summary>
    [Range(1024, 1L << 31)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
