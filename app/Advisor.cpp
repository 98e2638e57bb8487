#include "app/Advisor.h"

using namespace Qt::StringLiterals;

namespace Lotse::Client {

Advisor Advisor::fromJson(const QJsonObject &json)
{
    Advisor advisor;
    advisor.id = json.value("id"_L1).toString();
    advisor.username = json.value("username"_L1).toString();
    advisor.displayName = json.value("displayName"_L1).toString();
    advisor.totpEnabled = json.value("totpEnabled"_L1).toBool();
    const QJsonObject organisation = json.value("organisation"_L1).toObject();
    advisor.organisationId = organisation.value("id"_L1).toString();
    advisor.organisationSlug = organisation.value("slug"_L1).toString();
    advisor.organisationName = organisation.value("name"_L1).toString();
    if (advisor.displayName.isEmpty())
        advisor.displayName = advisor.username;
    return advisor;
}

} // namespace Lotse::Client
