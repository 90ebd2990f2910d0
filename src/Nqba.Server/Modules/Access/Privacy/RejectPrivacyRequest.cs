using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Access.Privacy;

/// <summary>Why a request is refused (e.g. the requester's identity could not be verified).</summary>
public sealed record RejectPrivacyRequest([Required, MinLength(3), MaxLength(1000)] string Reason);
