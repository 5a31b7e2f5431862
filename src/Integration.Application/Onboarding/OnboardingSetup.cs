using Integration.Application.Email;
using Integration.Application.Hosting;

namespace Integration.Application.Onboarding;

public static class OnboardingSetup
{
    /// <summary>Applications, their qualification documents and review, and the e-mail they send.</summary>
    public static IHostApplicationBuilder AddOnboarding(this IHostApplicationBuilder builder)
    {
        builder.AddEmail();
        builder.Services.AddOptions<OnboardingOptions>().Bind(builder.Configuration.GetSection(OnboardingOptions.Section)).ValidateSettings(OnboardingOptions.Section);
        builder.Services.AddScoped<ApplicationDesk>();
        builder.Services.AddScoped<ApplicationProgress>();
        builder.Services.AddScoped<QualificationDocuments>();
        return builder;
    }
}
