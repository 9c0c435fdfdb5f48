"""botocore-user-agent-cache: a client's User-Agent header is the same string, built from cached parts."""

import boto3
from botocore import useragent

from ticket_localstack.speed.user_agent import user_agent_patch


def test_the_header_is_the_same_and_its_parts_come_from_the_cache() -> None:
    creator = boto3.client(
        "s3", region_name="us-east-1", endpoint_url="http://127.0.0.1:1"
    )._user_agent_creator
    before = creator.to_string()
    patch = user_agent_patch()
    patch.apply()
    try:
        cached = useragent.sanitize_user_agent_string_component
        assert creator.to_string() == before
        assert creator.to_string() == before
        info = cached.cache_info()
        assert info.misses > 0 and info.hits >= info.misses  # the second header only hit
        assert cached("lang/python#3 13 é", True) == "lang-python#3-13--"  # what botocore's own answers
    finally:
        patch.revert()
    assert useragent.sanitize_user_agent_string_component("lang/python#3 13 é", True) == "lang-python#3-13--"
    assert not hasattr(useragent.sanitize_user_agent_string_component, "cache_info")  # reverted
