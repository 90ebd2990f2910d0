using Nqba.Server.Platform.Jobs;
using Quartz;

namespace Nqba.Server.Modules.Support.Surveys;

/// <summary>Sends NPS invitations (an hourly look; each contact at most once per <see cref="SupportOptions.NpsInterval"/>; declared in <c>AddSupportModule</c>).</summary>
[DisallowConcurrentExecution]
internal sealed class NpsInvitationJob(SurveyInviter inviter) : INqbaJob
{
    public Task RunAsync(CancellationToken cancellationToken) => inviter.InviteNpsAsync(cancellationToken);
}
