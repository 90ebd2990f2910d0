using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Monitoring.Incidents;

public sealed record PostMortemRequest([Required, StringLength(20000, MinimumLength = 1)] string Text);
