package io.starbridge.work;

import io.starbridge.common.Problem;
import io.starbridge.common.ProblemResponses;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents the 503 a download answers while every build permit is taken ({@link Downloads}). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ApiResponse(
    responseCode = "503",
    description =
        "Too many downloads are being prepared at once (/problems/unavailable); see Retry-After",
    content =
        @Content(
            mediaType = ProblemResponses.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
@interface BusyProblem {}
