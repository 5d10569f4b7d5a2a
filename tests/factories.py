"""factory-boy factories for the organisation; apps add theirs beside their tests."""

import factory

from tgpl import services
from tgpl.models import Agency, Centre, Department, User

PASSWORD = "mat-khau-thu-nghiem-2026"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    kind = Agency.Kind.DOJ
    name = factory.Sequence(lambda n: f"Sở Tư pháp số {n}")
    province_code = 20


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre

    name = factory.Sequence(lambda n: f"Trung tâm Trợ giúp pháp lý nhà nước số {n}")
    parent_agency = factory.SubFactory(AgencyFactory)
    province_code = 20


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    centre = factory.SubFactory(CentreFactory)
    kind = Department.Kind.OFFICE
    name = factory.Sequence(lambda n: f"Phòng số {n}")
    short_code = factory.Sequence(lambda n: f"P{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Số {n}")
    centre = factory.SubFactory(CentreFactory)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        self.save()
        if create and extracted:
            services.set_user_roles(user=self, new_roles=extracted, actor=None)
