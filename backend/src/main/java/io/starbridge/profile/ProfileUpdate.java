package io.starbridge.profile;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** The profile fields of {@code PATCH /me}, as sent: null leaves a field unchanged. */
public record ProfileUpdate(
    @Nullable String bio,
    @Nullable List<String> disciplines,
    @Nullable List<String> fields,
    @Nullable String affiliation,
    @Nullable List<String> languages,
    @Nullable List<ProfileLink> links,
    @Nullable String location,
    @Nullable Boolean hideFollowers,
    @Nullable Boolean hideActivity,
    @Nullable String mentionPolicy) {}
