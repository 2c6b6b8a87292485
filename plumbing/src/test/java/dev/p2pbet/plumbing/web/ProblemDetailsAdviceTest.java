package dev.p2pbet.plumbing.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;

/** Refusals the fuzzer found as 500s or non-problem answers, each now a problem+json 4xx. */
class ProblemDetailsAdviceTest {

    @RestController
    static class Samples {

        @PostMapping("/echo")
        String echo(@RequestBody String body) {
            return body;
        }

        @GetMapping("/page")
        String page(@RequestParam int size) {
            return "size " + size;
        }

        @GetMapping("/nul")
        String nul() {
            throw new DataIntegrityViolationException("select", new SQLException("invalid byte sequence", "22021"));
        }

        @GetMapping("/broken")
        String broken() {
            throw new DataIntegrityViolationException("insert", new SQLException("duplicate key", "23505"));
        }

        @GetMapping("/rejected")
        String rejected() {
            throw new RequestRejectedException("The request was rejected because the parameter name is not allowed");
        }

        @GetMapping("/multipart")
        String multipart() {
            throw new MultipartException("no boundary");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Samples())
            .setControllerAdvice(new ProblemDetailsAdvice())
            .addFilters(new ContentTypeFilter())
            .build();

    @Test
    void refuses_a_wildcard_content_type_with_415() throws Exception {
        mvc.perform(post("/echo").contentType("application/*").content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("UNSUPPORTED_MEDIA_TYPE"))
                .andExpect(jsonPath("$.status").value(415));
    }

    @Test
    void answers_problem_json_whatever_the_client_accepts() throws Exception {
        mvc.perform(get("/page").param("size", "abc").accept(MediaType.IMAGE_PNG))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Bad Request"));
    }

    @Test
    void a_value_the_database_cannot_take_is_a_400() throws Exception {
        mvc.perform(get("/nul"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("INVALID_VALUE"));
    }

    @Test
    void any_other_database_failure_stays_a_500() throws Exception {
        mvc.perform(get("/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.reason").value("INTERNAL_ERROR"));
    }

    @Test
    void a_request_the_firewall_rejects_is_a_400() throws Exception {
        mvc.perform(get("/rejected"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("REQUEST_REJECTED"));
    }

    @Test
    void an_unreadable_multipart_body_is_a_400() throws Exception {
        mvc.perform(get("/multipart"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("UNREADABLE_BODY"));
    }
}
