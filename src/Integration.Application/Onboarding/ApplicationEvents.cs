using Integration.Application.Events;
using Integration.Core.Common;
using Integration.Core.Events;
using Integration.Core.Onboarding;

namespace Integration.Application.Onboarding;

/// <summary>
/// Every status change of an application that has its partner is an <c>application.status_changed</c> event, in the
/// partner's sandbox and live event streams alike, so a webhook in either hears it.
/// </summary>
public static class ApplicationEvents
{
    public static void StatusChanged(EventLog events, PartnerApplication application, ApplicationStatus previous, DateTimeOffset now)
    {
        if (application.PartnerId is not { } partnerId)
        {
            return;
        }
        var data = new
        {
            applicationId = application.Id, status = SnakeCase.Of(application.Status), previousStatus = SnakeCase.Of(previous),
            informationRequested = application.Status == ApplicationStatus.NeedsInformation ? application.InformationRequested : null,
            rejectionReason = application.Status == ApplicationStatus.Rejected ? application.RejectionReason : null,
        };
        foreach (var environment in new[] { ApiEnvironment.Sandbox, ApiEnvironment.Live })
        {
            events.Append(partnerId, environment, EventTypes.ApplicationStatusChanged, application.Id, data, now);
        }
    }
}
