using Integration.Core.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Asp.Versioning;
using Integration.Api.Versioning;
using Microsoft.AspNetCore.Mvc;
using Integration.Application.Hosting;

namespace Integration.Api.Hosting;

public static class ApiSetup
{
    /// <summary>Controllers with the JSON rules of the API guidelines, URL-segment versioning and problem+json errors.</summary>
    public static WebApplicationBuilder AddVersionedApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.Section))
            .ValidateSettings(ApiOptions.Section);
        var apiOptions = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = apiOptions.MaxRequestBodyBytes);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<BusinessClock>();
        builder.Services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context => Problems.Complete(context.ProblemDetails, context.HttpContext));
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

        builder.Services.AddControllers(options =>
            {
                options.ReturnHttpNotAcceptable = true;
                options.ModelBinderProviders.Insert(0, new SnakeCaseEnumBinderProvider());
                options.ModelBinderProviders.Insert(0, new UtcQueryTimestampBinderProvider());
                options.ModelValidatorProviders.Add(new EmptyStringsMatchPatterns());
                options.ModelValidatorProviders.Add(new NulCharactersRefused());
                // Validation errors name fields as the JSON does ("lines[0].quantity"), not as C# does.
                options.ModelMetadataDetailsProviders.Add(new Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.SystemTextJsonValidationMetadataProvider());
            })
            .AddJsonOptions(options => ConfigureJson(options.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = ValidationProblems.Create);
        builder.Services.AddSingleton(provider => new ContractJson(
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Mvc.JsonOptions>>().Value.JsonSerializerOptions));

        builder.Services.AddApiVersioning(options =>
            {
                options.DefaultApiVersion = new ApiVersion(1);
                options.ReportApiVersions = true;
                options.ApiVersionReader = new UrlSegmentApiVersionReader();
            })
            .AddMvc()
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = "'v'VVV";
                options.SubstituteApiVersionInUrl = true;
            });

        builder.Services.AddOptions<VersionLifecycleOptions>().Bind(builder.Configuration.GetSection("Api"));
        return builder;
    }

    /// <summary>camelCase, snake_case enums, UTC timestamps with Z; unknown, duplicate and wrongly null request fields refused; empty references left out of answers.</summary>
    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        json.Converters.Add(new UtcTimestampConverter());
        json.NumberHandling = JsonNumberHandling.Strict;
        json.AllowDuplicateProperties = false; // {"name":"a","name":"b"} is ambiguous, not "the last one wins"
        json.TypeInfoResolver = (json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(NullsRefused.Modify).WithAddedModifier(AbsentWhenNull.Modify);
    }
}
