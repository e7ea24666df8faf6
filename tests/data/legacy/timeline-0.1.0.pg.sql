--
-- PostgreSQL database dump
--

\restrict 8Z8XsrCaKOPVcR6aB0seYAMISLI2WfvDFekpYa7MhSaOETmvMbCcIFdiP8x6WTz

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: actors; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.actors (
    id integer NOT NULL,
    name text NOT NULL,
    kind character varying(16) NOT NULL,
    aliases text NOT NULL
);


--
-- Name: actors_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.actors_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: actors_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.actors_id_seq OWNED BY public.actors.id;


--
-- Name: documents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.documents (
    id character varying(40) NOT NULL,
    url text,
    outlet character varying,
    title text,
    published timestamp with time zone,
    content_hash character varying(64) NOT NULL,
    read_at timestamp with time zone NOT NULL
);


--
-- Name: event_actors; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.event_actors (
    event_id character varying NOT NULL,
    actor_id integer NOT NULL,
    role character varying(16) NOT NULL,
    "position" integer NOT NULL
);


--
-- Name: events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events (
    id character varying(32) NOT NULL,
    type character varying(16) NOT NULL,
    status character varying(16) NOT NULL,
    date_start date NOT NULL,
    date_end date NOT NULL,
    date_precision character varying(16) NOT NULL,
    date_text text NOT NULL,
    title text NOT NULL,
    location text,
    country text,
    confidence double precision NOT NULL,
    origin character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: sources; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sources (
    id integer NOT NULL,
    event_id character varying NOT NULL,
    document_id character varying,
    url text,
    outlet character varying,
    title text,
    published date,
    evidence text NOT NULL,
    evidence_start integer,
    evidence_end integer,
    "position" integer NOT NULL
);


--
-- Name: sources_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.sources_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: sources_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.sources_id_seq OWNED BY public.sources.id;


--
-- Name: actors id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.actors ALTER COLUMN id SET DEFAULT nextval('public.actors_id_seq'::regclass);


--
-- Name: sources id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sources ALTER COLUMN id SET DEFAULT nextval('public.sources_id_seq'::regclass);


--
-- Data for Name: actors; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.actors VALUES (1, 'Hamas', 'group', '');
INSERT INTO public.actors VALUES (2, 'Egypt', 'state', '');
INSERT INTO public.actors VALUES (3, 'Qatar', 'state', '');
INSERT INTO public.actors VALUES (4, 'Ελλάδα', 'state', '');
INSERT INTO public.actors VALUES (5, 'Österreich', 'organization', '');
INSERT INTO public.actors VALUES (6, 'Donald Trump', 'person', '');
INSERT INTO public.actors VALUES (7, 'United States', 'state', '');
INSERT INTO public.actors VALUES (8, 'Vladimir Putin', 'person', '');
INSERT INTO public.actors VALUES (9, 'Russia', 'state', '');
INSERT INTO public.actors VALUES (10, 'Volodymyr Zelensky', 'person', '');
INSERT INTO public.actors VALUES (11, 'Ukraine', 'state', '');
INSERT INTO public.actors VALUES (12, 'Marco Rubio', 'person', '');
INSERT INTO public.actors VALUES (13, 'Mike Waltz', 'person', '');
INSERT INTO public.actors VALUES (14, 'Steve Witkoff', 'person', '');
INSERT INTO public.actors VALUES (15, 'Sergey Lavrov', 'person', '');
INSERT INTO public.actors VALUES (16, 'Yuri Ushakov', 'person', '');
INSERT INTO public.actors VALUES (17, 'Saudi Arabia', 'state', '');
INSERT INTO public.actors VALUES (18, 'JD Vance', 'person', '');
INSERT INTO public.actors VALUES (19, 'Andriy Yermak', 'person', '');
INSERT INTO public.actors VALUES (20, 'Andrii Sybiha', 'person', '');
INSERT INTO public.actors VALUES (21, 'Rustem Umerov', 'person', '');
INSERT INTO public.actors VALUES (22, 'Grigory Karasin', 'person', '');
INSERT INTO public.actors VALUES (23, 'Kirill Dmitriev', 'person', '');
INSERT INTO public.actors VALUES (24, 'Turkey', 'state', '');
INSERT INTO public.actors VALUES (25, 'Vladimir Medinsky', 'person', '');
INSERT INTO public.actors VALUES (26, 'Hakan Fidan', 'person', '');
INSERT INTO public.actors VALUES (27, 'Emmanuel Macron', 'person', '');
INSERT INTO public.actors VALUES (28, 'Friedrich Merz', 'person', '');
INSERT INTO public.actors VALUES (29, 'Keir Starmer', 'person', '');
INSERT INTO public.actors VALUES (30, 'Giorgia Meloni', 'person', '');
INSERT INTO public.actors VALUES (31, 'Alexander Stubb', 'person', '');
INSERT INTO public.actors VALUES (32, 'Ursula von der Leyen', 'person', '');
INSERT INTO public.actors VALUES (33, 'Mark Rutte', 'person', '');
INSERT INTO public.actors VALUES (34, 'Dan Driscoll', 'person', '');
INSERT INTO public.actors VALUES (35, 'France', 'state', '');
INSERT INTO public.actors VALUES (36, 'Germany', 'state', '');
INSERT INTO public.actors VALUES (37, 'United Kingdom', 'state', '');
INSERT INTO public.actors VALUES (38, 'United Arab Emirates', 'state', '');
INSERT INTO public.actors VALUES (39, 'Jared Kushner', 'person', '');
INSERT INTO public.actors VALUES (40, 'Recep Tayyip Erdogan', 'person', '');
INSERT INTO public.actors VALUES (41, 'State Department', 'organization', '');
INSERT INTO public.actors VALUES (42, 'Dmitry Peskov', 'person', '');
INSERT INTO public.actors VALUES (43, 'Kremlin', 'organization', '');
INSERT INTO public.actors VALUES (44, 'Israel', 'state', '');


--
-- Data for Name: documents; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.documents VALUES ('0cfb226a97e17e970d10255f5d3ca12a6df72d9a', NULL, NULL, NULL, '2025-05-16 00:00:00+00', 'dedf3f87a65d62304fcff8bb410a1e0d333849aabf2ddcd872f68856b7e4087e', '2026-11-29 12:28:02.305831+00');
INSERT INTO public.documents VALUES ('b94f3e51c59ad498bf82d0aaf7b8531e72dc1c6a', NULL, NULL, NULL, '2025-05-16 00:00:00+00', 'a5ace26653a63ce728fce267729da487264099e46fea769ab6b45dbd0e9c2937', '2026-11-29 12:28:02.427236+00');
INSERT INTO public.documents VALUES ('a16bc8b328f5e1140ec273e517b56729c5827e8a', 'https://wire.example.org/1', 'Mediation Wire', 'Envoys gather in Doha', '2024-10-25 09:30:00+00', 'fd5184c3a5c77be9c21bcf94f242ea6dccf96ed1cb685fcb0580a8503ed32d5d', '2026-11-29 12:28:03.369044+00');
INSERT INTO public.documents VALUES ('ba9d97c7f10b5ab1fdd90b89bbeb0f79dc0c063c', 'https://wire.example.org/2', 'Mediation Wire', 'Delegation expected in Cairo', '2024-10-26 07:00:00+00', '36e01b636db45d929d6c1b4a5a4c8476e21d568e1cf3c29b0e8fcff3fea20d45', '2026-11-29 12:28:03.392342+00');


--
-- Data for Name: event_actors; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.event_actors VALUES ('199ce9758115', 1, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('199ce9758115', 2, 'host', 1);
INSERT INTO public.event_actors VALUES ('c713369c13b7', 1, 'participant', 0);
INSERT INTO public.event_actors VALUES ('c713369c13b7', 2, 'mediator', 1);
INSERT INTO public.event_actors VALUES ('c713369c13b7', 3, 'mediator', 2);
INSERT INTO public.event_actors VALUES ('47b9de390f35', 4, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('47b9de390f35', 5, 'participant', 1);
INSERT INTO public.event_actors VALUES ('ccf81995a844', 6, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('ccf81995a844', 7, 'initiator', 1);
INSERT INTO public.event_actors VALUES ('ccf81995a844', 8, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('ccf81995a844', 9, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('ccf81995a844', 10, 'participant', 4);
INSERT INTO public.event_actors VALUES ('ccf81995a844', 11, 'participant', 5);
INSERT INTO public.event_actors VALUES ('ea41c101a19f', 7, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('ea41c101a19f', 12, 'initiator', 1);
INSERT INTO public.event_actors VALUES ('ea41c101a19f', 13, 'initiator', 2);
INSERT INTO public.event_actors VALUES ('ea41c101a19f', 14, 'initiator', 3);
INSERT INTO public.event_actors VALUES ('ea41c101a19f', 9, 'counterpart', 4);
INSERT INTO public.event_actors VALUES ('ea41c101a19f', 15, 'counterpart', 5);
INSERT INTO public.event_actors VALUES ('ea41c101a19f', 16, 'counterpart', 6);
INSERT INTO public.event_actors VALUES ('ea41c101a19f', 17, 'host', 7);
INSERT INTO public.event_actors VALUES ('b979f1106d28', 10, 'counterpart', 0);
INSERT INTO public.event_actors VALUES ('b979f1106d28', 11, 'counterpart', 1);
INSERT INTO public.event_actors VALUES ('b979f1106d28', 6, 'host', 2);
INSERT INTO public.event_actors VALUES ('b979f1106d28', 7, 'host', 3);
INSERT INTO public.event_actors VALUES ('b979f1106d28', 18, 'participant', 4);
INSERT INTO public.event_actors VALUES ('0b22b2606605', 7, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('0b22b2606605', 12, 'initiator', 1);
INSERT INTO public.event_actors VALUES ('0b22b2606605', 13, 'initiator', 2);
INSERT INTO public.event_actors VALUES ('0b22b2606605', 11, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('0b22b2606605', 19, 'counterpart', 4);
INSERT INTO public.event_actors VALUES ('0b22b2606605', 20, 'counterpart', 5);
INSERT INTO public.event_actors VALUES ('0b22b2606605', 21, 'counterpart', 6);
INSERT INTO public.event_actors VALUES ('0b22b2606605', 17, 'host', 7);
INSERT INTO public.event_actors VALUES ('f1871954842d', 11, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('f1871954842d', 7, 'initiator', 1);
INSERT INTO public.event_actors VALUES ('f1871954842d', 9, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('480256ae12b8', 14, 'mediator', 0);
INSERT INTO public.event_actors VALUES ('480256ae12b8', 7, 'mediator', 1);
INSERT INTO public.event_actors VALUES ('480256ae12b8', 8, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('480256ae12b8', 9, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('bfc2e793cc4c', 6, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('bfc2e793cc4c', 7, 'mediator', 1);
INSERT INTO public.event_actors VALUES ('bfc2e793cc4c', 8, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('bfc2e793cc4c', 9, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('bfc2e793cc4c', 11, 'counterpart', 4);
INSERT INTO public.event_actors VALUES ('81f1ea140a9b', 7, 'mediator', 0);
INSERT INTO public.event_actors VALUES ('81f1ea140a9b', 11, 'counterpart', 1);
INSERT INTO public.event_actors VALUES ('81f1ea140a9b', 21, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('81f1ea140a9b', 9, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('81f1ea140a9b', 22, 'counterpart', 4);
INSERT INTO public.event_actors VALUES ('81f1ea140a9b', 17, 'host', 5);
INSERT INTO public.event_actors VALUES ('d3ab20fcf783', 7, 'mediator', 0);
INSERT INTO public.event_actors VALUES ('d3ab20fcf783', 11, 'counterpart', 1);
INSERT INTO public.event_actors VALUES ('d3ab20fcf783', 9, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('7380b5a73ded', 14, 'mediator', 0);
INSERT INTO public.event_actors VALUES ('7380b5a73ded', 7, 'mediator', 1);
INSERT INTO public.event_actors VALUES ('7380b5a73ded', 8, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('7380b5a73ded', 9, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('7380b5a73ded', 23, 'counterpart', 4);
INSERT INTO public.event_actors VALUES ('7a8cb4a86f11', 8, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('7a8cb4a86f11', 9, 'initiator', 1);
INSERT INTO public.event_actors VALUES ('7a8cb4a86f11', 11, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('7a8cb4a86f11', 10, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('ee69ee7882cc', 8, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('ee69ee7882cc', 9, 'initiator', 1);
INSERT INTO public.event_actors VALUES ('ee69ee7882cc', 11, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('ee69ee7882cc', 24, 'host', 3);
INSERT INTO public.event_actors VALUES ('ff84d84c41a9', 9, 'counterpart', 0);
INSERT INTO public.event_actors VALUES ('ff84d84c41a9', 25, 'counterpart', 1);
INSERT INTO public.event_actors VALUES ('ff84d84c41a9', 11, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('ff84d84c41a9', 21, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('ff84d84c41a9', 24, 'host', 4);
INSERT INTO public.event_actors VALUES ('ff84d84c41a9', 26, 'mediator', 5);
INSERT INTO public.event_actors VALUES ('b2628ecaa4e7', 9, 'counterpart', 0);
INSERT INTO public.event_actors VALUES ('b2628ecaa4e7', 11, 'counterpart', 1);
INSERT INTO public.event_actors VALUES ('b2628ecaa4e7', 24, 'mediator', 2);
INSERT INTO public.event_actors VALUES ('22c9e8ffd057', 9, 'counterpart', 0);
INSERT INTO public.event_actors VALUES ('22c9e8ffd057', 25, 'counterpart', 1);
INSERT INTO public.event_actors VALUES ('22c9e8ffd057', 11, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('22c9e8ffd057', 21, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('22c9e8ffd057', 24, 'host', 4);
INSERT INTO public.event_actors VALUES ('3b5ab58d775c', 9, 'counterpart', 0);
INSERT INTO public.event_actors VALUES ('3b5ab58d775c', 25, 'counterpart', 1);
INSERT INTO public.event_actors VALUES ('3b5ab58d775c', 11, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('3b5ab58d775c', 21, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('3b5ab58d775c', 24, 'host', 4);
INSERT INTO public.event_actors VALUES ('3b5ab58d775c', 26, 'mediator', 5);
INSERT INTO public.event_actors VALUES ('dedc74224650', 14, 'mediator', 0);
INSERT INTO public.event_actors VALUES ('dedc74224650', 7, 'mediator', 1);
INSERT INTO public.event_actors VALUES ('dedc74224650', 8, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('dedc74224650', 9, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('dedc74224650', 16, 'counterpart', 4);
INSERT INTO public.event_actors VALUES ('8864aab56d41', 6, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('8864aab56d41', 7, 'host', 1);
INSERT INTO public.event_actors VALUES ('8864aab56d41', 8, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('8864aab56d41', 9, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('8864aab56d41', 12, 'participant', 4);
INSERT INTO public.event_actors VALUES ('8864aab56d41', 14, 'participant', 5);
INSERT INTO public.event_actors VALUES ('8864aab56d41', 15, 'participant', 6);
INSERT INTO public.event_actors VALUES ('7bc5a249ad12', 6, 'host', 0);
INSERT INTO public.event_actors VALUES ('7bc5a249ad12', 7, 'host', 1);
INSERT INTO public.event_actors VALUES ('7bc5a249ad12', 10, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('7bc5a249ad12', 11, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('7bc5a249ad12', 27, 'participant', 4);
INSERT INTO public.event_actors VALUES ('7bc5a249ad12', 28, 'participant', 5);
INSERT INTO public.event_actors VALUES ('7bc5a249ad12', 29, 'participant', 6);
INSERT INTO public.event_actors VALUES ('7bc5a249ad12', 30, 'participant', 7);
INSERT INTO public.event_actors VALUES ('7bc5a249ad12', 31, 'participant', 8);
INSERT INTO public.event_actors VALUES ('7bc5a249ad12', 32, 'participant', 9);
INSERT INTO public.event_actors VALUES ('7bc5a249ad12', 33, 'participant', 10);
INSERT INTO public.event_actors VALUES ('5a26fac0e6e1', 34, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('5a26fac0e6e1', 7, 'initiator', 1);
INSERT INTO public.event_actors VALUES ('5a26fac0e6e1', 10, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('5a26fac0e6e1', 11, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('27d9358a84c4', 7, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('27d9358a84c4', 12, 'initiator', 1);
INSERT INTO public.event_actors VALUES ('27d9358a84c4', 11, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('27d9358a84c4', 19, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('27d9358a84c4', 35, 'participant', 4);
INSERT INTO public.event_actors VALUES ('27d9358a84c4', 36, 'participant', 5);
INSERT INTO public.event_actors VALUES ('27d9358a84c4', 37, 'participant', 6);
INSERT INTO public.event_actors VALUES ('e85686bfb718', 34, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('e85686bfb718', 7, 'mediator', 1);
INSERT INTO public.event_actors VALUES ('e85686bfb718', 9, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('e85686bfb718', 38, 'host', 3);
INSERT INTO public.event_actors VALUES ('db3e9859a98b', 14, 'mediator', 0);
INSERT INTO public.event_actors VALUES ('db3e9859a98b', 39, 'mediator', 1);
INSERT INTO public.event_actors VALUES ('db3e9859a98b', 7, 'mediator', 2);
INSERT INTO public.event_actors VALUES ('db3e9859a98b', 8, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('db3e9859a98b', 9, 'counterpart', 4);
INSERT INTO public.event_actors VALUES ('db3e9859a98b', 16, 'counterpart', 5);
INSERT INTO public.event_actors VALUES ('db3e9859a98b', 23, 'counterpart', 6);
INSERT INTO public.event_actors VALUES ('32d3fbb7b28f', 21, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('32d3fbb7b28f', 11, 'initiator', 1);
INSERT INTO public.event_actors VALUES ('6b5a6de39288', 25, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('6b5a6de39288', 9, 'initiator', 1);
INSERT INTO public.event_actors VALUES ('6c3e1979026b', 11, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('6c3e1979026b', 10, 'initiator', 1);
INSERT INTO public.event_actors VALUES ('6c3e1979026b', 24, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('2ee5920b9d5b', 10, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('2ee5920b9d5b', 11, 'initiator', 1);
INSERT INTO public.event_actors VALUES ('2ee5920b9d5b', 24, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('2ee5920b9d5b', 40, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('6f19fd07963d', 7, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('6f19fd07963d', 12, 'initiator', 1);
INSERT INTO public.event_actors VALUES ('6f19fd07963d', 11, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('6f19fd07963d', 41, 'counterpart', 3);
INSERT INTO public.event_actors VALUES ('6f19fd07963d', 24, 'host', 4);
INSERT INTO public.event_actors VALUES ('e49a36be6f62', 41, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('e49a36be6f62', 7, 'initiator', 1);
INSERT INTO public.event_actors VALUES ('456d77aa78a6', 11, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('185686ce2c13', 7, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('185686ce2c13', 11, 'counterpart', 1);
INSERT INTO public.event_actors VALUES ('185686ce2c13', 17, 'counterpart', 2);
INSERT INTO public.event_actors VALUES ('185686ce2c13', 9, 'participant', 3);
INSERT INTO public.event_actors VALUES ('0ccff1214fd9', 12, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('0ccff1214fd9', 7, 'initiator', 1);
INSERT INTO public.event_actors VALUES ('439db765a4ab', 7, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('93b4f8227956', 42, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('93b4f8227956', 43, 'initiator', 1);
INSERT INTO public.event_actors VALUES ('93b4f8227956', 9, 'initiator', 2);
INSERT INTO public.event_actors VALUES ('18ce34248ad5', 44, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('18ce34248ad5', 3, 'mediator', 1);
INSERT INTO public.event_actors VALUES ('229f8ba8ff48', 1, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('229f8ba8ff48', 2, 'counterpart', 1);
INSERT INTO public.event_actors VALUES ('11d5e0a29a7d', 1, 'initiator', 0);
INSERT INTO public.event_actors VALUES ('11d5e0a29a7d', 2, 'counterpart', 1);


--
-- Data for Name: events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.events VALUES ('199ce9758115', 'visit', 'occurred', '2024-05-04', '2024-05-04', 'day', '', 'Hamas delegation arrives in Cairo', 'Cairo', 'Egypt', 1, 'manual', '2026-11-29 12:27:53.581298+00', '2026-11-29 12:27:53.581315+00');
INSERT INTO public.events VALUES ('c713369c13b7', 'meeting', 'occurred', '2024-05-05', '2024-05-07', 'range', '', 'Truce talks in Cairo', 'Cairo', NULL, 1, 'manual', '2026-11-29 12:27:55.677595+00', '2026-11-29 12:27:55.677609+00');
INSERT INTO public.events VALUES ('47b9de390f35', 'statement', 'occurred', '2023-03-01', '2023-03-01', 'day', '', 'Athens & Vienna: a statement with "quotes", commas, and =formula', NULL, NULL, 1, 'manual', '2026-11-29 12:27:56.57822+00', '2026-11-29 12:27:56.578235+00');
INSERT INTO public.events VALUES ('ccf81995a844', 'meeting', 'occurred', '2025-02-12', '2025-02-12', 'day', 'Wednesday 12 February 2025', 'Trump and Putin agree by phone to start negotiations on ending the war', NULL, NULL, 1, 'manual', '2026-11-29 12:27:58.513844+00', '2026-11-29 12:27:58.513858+00');
INSERT INTO public.events VALUES ('ea41c101a19f', 'meeting', 'occurred', '2025-02-18', '2025-02-18', 'day', 'Tuesday 18 February 2025', 'US and Russian delegations meet in Riyadh without Ukraine', 'Riyadh', 'Saudi Arabia', 1, 'manual', '2026-11-29 12:27:58.588632+00', '2026-11-29 12:27:58.588646+00');
INSERT INTO public.events VALUES ('b979f1106d28', 'meeting', 'occurred', '2025-02-28', '2025-02-28', 'day', 'Friday 28 February 2025', 'Zelensky''s Oval Office meeting with Trump breaks down; minerals deal left unsigned', 'Washington', 'United States', 1, 'manual', '2026-11-29 12:27:58.613115+00', '2026-11-29 12:27:58.613128+00');
INSERT INTO public.events VALUES ('0b22b2606605', 'meeting', 'occurred', '2025-03-11', '2025-03-11', 'day', 'Tuesday 11 March 2025', 'US-Ukraine talks in Jeddah', 'Jeddah', 'Saudi Arabia', 1, 'manual', '2026-11-29 12:27:58.625855+00', '2026-11-29 12:27:58.625868+00');
INSERT INTO public.events VALUES ('f1871954842d', 'agreement', 'occurred', '2025-03-11', '2025-03-11', 'day', 'Tuesday 11 March 2025', 'Ukraine accepts US proposal for an immediate 30-day ceasefire; US restores aid and intelligence', 'Jeddah', 'Saudi Arabia', 1, 'manual', '2026-11-29 12:27:58.640587+00', '2026-11-29 12:27:58.6406+00');
INSERT INTO public.events VALUES ('480256ae12b8', 'meeting', 'occurred', '2025-03-13', '2025-03-13', 'day', 'Thursday 13 March 2025', 'Witkoff meets Putin in Moscow on the 30-day ceasefire proposal', 'Moscow', 'Russia', 1, 'manual', '2026-11-29 12:27:58.652668+00', '2026-11-29 12:27:58.65268+00');
INSERT INTO public.events VALUES ('bfc2e793cc4c', 'agreement', 'occurred', '2025-03-18', '2025-03-18', 'day', 'Tuesday 18 March 2025', 'Trump-Putin call: Russia agrees to a 30-day halt on strikes against energy infrastructure', NULL, NULL, 1, 'manual', '2026-11-29 12:27:58.663068+00', '2026-11-29 12:27:58.663082+00');
INSERT INTO public.events VALUES ('81f1ea140a9b', 'meeting', 'occurred', '2025-03-23', '2025-03-25', 'range', '23-25 March 2025', 'US technical talks in Riyadh with Ukrainian and Russian teams on Black Sea and energy truce', 'Riyadh', 'Saudi Arabia', 1, 'manual', '2026-11-29 12:27:58.676455+00', '2026-11-29 12:27:58.676468+00');
INSERT INTO public.events VALUES ('d3ab20fcf783', 'agreement', 'occurred', '2025-03-25', '2025-03-25', 'day', 'Tuesday 25 March 2025', 'White House announces Black Sea navigation and energy-strike arrangements with Ukraine and Russia', 'Washington', 'United States', 1, 'manual', '2026-11-29 12:27:58.687355+00', '2026-11-29 12:27:58.687367+00');
INSERT INTO public.events VALUES ('7380b5a73ded', 'meeting', 'occurred', '2025-04-11', '2025-04-11', 'day', 'Friday 11 April 2025', 'Witkoff holds four-hour talks with Putin in St Petersburg', 'St Petersburg', 'Russia', 1, 'manual', '2026-11-29 12:27:58.698796+00', '2026-11-29 12:27:58.698809+00');
INSERT INTO public.events VALUES ('7a8cb4a86f11', 'ceasefire', 'occurred', '2025-04-19', '2025-04-20', 'range', '6 p.m. 19 April to midnight 20/21 April 2025', 'Putin declares a unilateral 30-hour Easter truce; Kyiv responds with scepticism', NULL, NULL, 1, 'manual', '2026-11-29 12:27:58.711561+00', '2026-11-29 12:27:58.711573+00');
INSERT INTO public.events VALUES ('ee69ee7882cc', 'proposal', 'occurred', '2025-05-11', '2025-05-11', 'day', 'early hours of 11 May 2025', 'Putin proposes resuming direct talks with Ukraine in Istanbul on 15 May', 'Moscow', 'Russia', 1, 'manual', '2026-11-29 12:27:58.721327+00', '2026-11-29 12:27:58.721339+00');
INSERT INTO public.events VALUES ('ff84d84c41a9', 'meeting', 'occurred', '2025-05-16', '2025-05-16', 'day', 'Friday 16 May 2025', 'First direct Russia-Ukraine talks since 2022 held in Istanbul', 'Istanbul', 'Turkey', 1, 'manual', '2026-11-29 12:27:58.732507+00', '2026-11-29 12:27:58.732519+00');
INSERT INTO public.events VALUES ('b2628ecaa4e7', 'agreement', 'occurred', '2025-05-16', '2025-05-16', 'day', 'Friday 16 May 2025', 'Istanbul round agrees a 1,000-for-1,000 prisoner exchange and written ceasefire proposals', 'Istanbul', 'Turkey', 1, 'manual', '2026-11-29 12:27:58.748437+00', '2026-11-29 12:27:58.748449+00');
INSERT INTO public.events VALUES ('22c9e8ffd057', 'meeting', 'occurred', '2025-06-02', '2025-06-02', 'day', 'Monday 2 June 2025', 'Second Istanbul round: memorandums exchanged, new swaps of wounded, young POWs and bodies agreed', 'Istanbul', 'Turkey', 1, 'manual', '2026-11-29 12:27:58.754334+00', '2026-11-29 12:27:58.754345+00');
INSERT INTO public.events VALUES ('3b5ab58d775c', 'meeting', 'occurred', '2025-07-23', '2025-07-23', 'day', 'Wednesday 23 July 2025', 'Third Istanbul round agrees a 1,200-for-1,200 exchange but no ceasefire', 'Istanbul', 'Turkey', 1, 'manual', '2026-11-29 12:27:58.769202+00', '2026-11-29 12:27:58.769215+00');
INSERT INTO public.events VALUES ('dedc74224650', 'meeting', 'occurred', '2025-08-06', '2025-08-06', 'day', 'Wednesday 6 August 2025', 'Witkoff meets Putin in Moscow ahead of Trump''s sanctions deadline', 'Moscow', 'Russia', 1, 'manual', '2026-11-29 12:27:58.783402+00', '2026-11-29 12:27:58.783415+00');
INSERT INTO public.events VALUES ('8864aab56d41', 'meeting', 'occurred', '2025-08-15', '2025-08-15', 'day', 'Friday 15 August 2025', 'Trump-Putin summit in Anchorage ends without a deal', 'Anchorage', 'United States', 1, 'manual', '2026-11-29 12:27:58.794237+00', '2026-11-29 12:27:58.79425+00');
INSERT INTO public.events VALUES ('7bc5a249ad12', 'meeting', 'occurred', '2025-08-18', '2025-08-18', 'day', 'Monday 18 August 2025', 'Zelensky and European leaders meet Trump at the White House on security guarantees', 'Washington', 'United States', 1, 'manual', '2026-11-29 12:27:58.806866+00', '2026-11-29 12:27:58.806878+00');
INSERT INTO public.events VALUES ('5a26fac0e6e1', 'proposal', 'occurred', '2025-11-20', '2025-11-20', 'day', 'Thursday 20 November 2025', 'US Army Secretary Driscoll delivers the US 28-point peace plan to Zelensky in Kyiv', 'Kyiv', 'Ukraine', 1, 'manual', '2026-11-29 12:27:58.833163+00', '2026-11-29 12:27:58.833175+00');
INSERT INTO public.events VALUES ('27d9358a84c4', 'meeting', 'occurred', '2025-11-23', '2025-11-23', 'day', 'Sunday 23 November 2025', 'US, Ukrainian and European officials discuss the US peace plan in Geneva', 'Geneva', 'Switzerland', 1, 'manual', '2026-11-29 12:27:58.844461+00', '2026-11-29 12:27:58.844474+00');
INSERT INTO public.events VALUES ('e85686bfb718', 'meeting', 'occurred', '2025-11-24', '2025-11-25', 'range', 'Monday-Tuesday 24-25 November 2025', 'Driscoll meets Russian officials in Abu Dhabi to present the revised plan', 'Abu Dhabi', 'United Arab Emirates', 1, 'manual', '2026-11-29 12:27:58.870398+00', '2026-11-29 12:27:58.870411+00');
INSERT INTO public.events VALUES ('32d3fbb7b28f', 'statement', 'occurred', '2025-05-16', '2025-05-16', 'unknown', '', 'Rustem Umerov issues statement', NULL, NULL, 0.6, 'extracted', '2026-11-29 12:28:02.317624+00', '2026-11-29 12:28:02.317638+00');
INSERT INTO public.events VALUES ('6b5a6de39288', 'statement', 'occurred', '2025-05-16', '2025-05-16', 'unknown', '', 'Vladimir Medinsky issues statement', NULL, NULL, 0.6, 'extracted', '2026-11-29 12:28:02.322021+00', '2026-11-29 12:28:02.322033+00');
INSERT INTO public.events VALUES ('6c3e1979026b', 'visit', 'occurred', '2025-05-15', '2025-05-15', 'day', 'Thursday', 'Volodymyr Zelensky visits Ankara', 'Ankara', 'Turkey', 0.85, 'extracted', '2026-11-29 12:28:02.340244+00', '2026-11-29 12:28:02.340258+00');
INSERT INTO public.events VALUES ('2ee5920b9d5b', 'meeting', 'occurred', '2025-05-15', '2025-05-15', 'day', 'Thursday', 'Volodymyr Zelensky meets Recep Tayyip Erdogan in Ankara', 'Ankara', 'Turkey', 0.85, 'extracted', '2026-11-29 12:28:02.35014+00', '2026-11-29 12:28:02.350154+00');
INSERT INTO public.events VALUES ('6f19fd07963d', 'meeting', 'planned', '2025-05-17', '2025-05-17', 'day', 'Saturday', 'Marco Rubio to meet Ukraine and State Department in Istanbul', 'Istanbul', 'Turkey', 0.85, 'extracted', '2026-11-29 12:28:02.364712+00', '2026-11-29 12:28:02.364726+00');
INSERT INTO public.events VALUES ('e49a36be6f62', 'statement', 'occurred', '2025-05-16', '2025-05-16', 'unknown', '', 'State Department issues statement', NULL, NULL, 0.6, 'extracted', '2026-11-29 12:28:02.37569+00', '2026-11-29 12:28:02.375704+00');
INSERT INTO public.events VALUES ('456d77aa78a6', 'statement', 'occurred', '2025-05-13', '2025-05-13', 'day', 'Tuesday', 'Ukraine issues statement', NULL, NULL, 0.7, 'extracted', '2026-11-29 12:28:02.427924+00', '2026-11-29 12:28:02.427933+00');
INSERT INTO public.events VALUES ('185686ce2c13', 'meeting', 'occurred', '2025-05-13', '2025-05-13', 'unknown', 'Tuesday', 'United States meets Ukraine and Saudi Arabia in Jeddah', 'Jeddah', 'Saudi Arabia', 0.55, 'extracted', '2026-11-29 12:28:02.437176+00', '2026-11-29 12:28:02.437188+00');
INSERT INTO public.events VALUES ('0ccff1214fd9', 'statement', 'occurred', '2025-05-16', '2025-05-16', 'unknown', '', 'Marco Rubio issues statement', NULL, NULL, 0.65, 'extracted', '2026-11-29 12:28:02.444751+00', '2026-11-29 12:28:02.444763+00');
INSERT INTO public.events VALUES ('439db765a4ab', 'agreement', 'occurred', '2025-05-16', '2025-05-16', 'unknown', '', 'United States accepts proposal', NULL, NULL, 0.7, 'extracted', '2026-11-29 12:28:02.449674+00', '2026-11-29 12:28:02.449685+00');
INSERT INTO public.events VALUES ('93b4f8227956', 'statement', 'occurred', '2025-05-14', '2025-05-14', 'day', 'Wednesday', 'Dmitry Peskov issues statement', NULL, NULL, 0.7, 'extracted', '2026-11-29 12:28:02.450679+00', '2026-11-29 12:28:02.450688+00');
INSERT INTO public.events VALUES ('18ce34248ad5', 'meeting', 'occurred', '2024-10-24', '2024-10-24', 'day', 'Thursday', 'Israel meets Qatar in Doha', 'Doha', 'Qatar', 0.85, 'extracted', '2026-11-29 12:28:03.369943+00', '2026-11-29 12:28:03.369953+00');
INSERT INTO public.events VALUES ('229f8ba8ff48', 'visit', 'planned', '2024-10-27', '2024-10-27', 'day', 'Sunday', 'Hamas delegation to visit Cairo', 'Cairo', 'Egypt', 0.8, 'extracted', '2026-11-29 12:28:03.396718+00', '2026-11-29 12:28:03.396732+00');
INSERT INTO public.events VALUES ('11d5e0a29a7d', 'meeting', 'planned', '2024-10-27', '2024-10-27', 'day', 'Sunday', 'Hamas delegation to meet Egypt in Cairo', 'Cairo', 'Egypt', 0.75, 'extracted', '2026-11-29 12:28:03.400035+00', '2026-11-29 12:28:03.400047+00');
INSERT INTO public.events VALUES ('db3e9859a98b', 'meeting', 'occurred', '2025-12-02', '2025-12-02', 'day', 'Tuesday 2 December 2025', 'Edited by hand: talks', 'Moscow', 'Russia', 1, 'manual', '2026-11-29 12:27:58.880446+00', '2026-11-29 12:28:07.698219+00');


--
-- Data for Name: sources; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.sources VALUES (1, '199ce9758115', NULL, 'https://example.org/report', NULL, NULL, NULL, 'The delegation reached Cairo on Saturday.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (2, 'ccf81995a844', NULL, 'https://www.hindustantimes.com/world-news/us-news/trump-speaks-to-putin-says-negotiations-to-end-ukraine-war-start-immediately-101739380764318.html', NULL, NULL, NULL, 'Dated 12 February 2025: Trump said on Wednesday he and Putin agreed their teams would start negotiations immediately, then called Zelensky.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (3, 'ccf81995a844', NULL, 'https://www.jpost.com/breaking-news/article-841869', NULL, NULL, NULL, 'Reuters item of 12 February 2025: Trump said he spoke with Putin that Wednesday; the Kremlin said the call lasted nearly 90 minutes.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (4, 'ea41c101a19f', NULL, 'https://euromaidanpress.com/2025/02/18/us-russia-hold-five-hour-talks-in-saudi-arabia-without-ukraines-participation/', NULL, NULL, NULL, 'Dated 18 February 2025: Rubio and Lavrov held nearly five hours of talks in Riyadh that day, with Waltz, Witkoff, Ushakov and Dmitriev; Kyiv not present.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (5, 'ea41c101a19f', NULL, 'https://japantoday.com/category/world/top-russian-and-us-officials-are-set-to-hold-talks-on-ukraine-war-without-kyiv', NULL, NULL, NULL, 'AP copy: the two sides agreed on Tuesday 18 February to start working toward ending the war and to name teams for peace talks.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (6, 'b979f1106d28', NULL, 'https://euromaidanpress.com/2025/02/28/zelenskyy-exits-white-house-early-after-tense-exchange-with-trump-over-ukraine-war/', NULL, NULL, NULL, 'Dated 28 February 2025: Zelensky left the White House early that day after a heated exchange; press conference and deal signing were cancelled.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (7, 'b979f1106d28', NULL, 'https://www.pravda.com.ua/eng/news/2025/02/28/7500731/', NULL, NULL, NULL, 'Dated 28 February 2025: reports the argument with Trump and Vance and that the minerals deal was not signed.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (8, '0b22b2606605', NULL, 'https://www.kenyastar.com/news/278083515/ukraine-agrees-to-30-day-ceasefire-during-talks-with-us-in-saudi-arabia', NULL, NULL, NULL, 'Xinhua, Jeddah 11 March 2025: hours of consultations between senior US and Ukrainian officials, with Saudi hosts present.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (9, '0b22b2606605', NULL, 'https://www.scoontv.com/us-to-reinstate-aid-to-ukraine-after-saudi-cease-fire-talks/', NULL, NULL, NULL, 'Names the delegations at Tuesday''s Jeddah meeting: Rubio, Waltz and Witkoff; Yermak, Sybiha and Umerov.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (10, 'f1871954842d', NULL, 'https://www.1lurer.am/en/2025/03/11/Ukraine-agrees-to-30-day-ceasefire-during-talks-with-US-in-Saudi-Arabia-statement/1277796', NULL, NULL, NULL, 'Reuters copy of 11 March 2025: joint statement says Ukraine is ready to accept an interim 30-day ceasefire, subject to Russian acceptance; US lifts the pause on intelligence and aid.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (11, 'f1871954842d', NULL, 'https://www.lbc.co.uk/world-news/us-to-restart-intelligence-sharing-with-ukraine-and-lift-pause-on-security-assis/', NULL, NULL, NULL, 'Dated 11 March 2025: Ukraine agreed to the 30-day ceasefire offer; Rubio said the US would take it to Russia.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (12, '480256ae12b8', NULL, 'https://kyivindependent.com./russia-sent-additional-signals-to-trump-through-special-envoy-witkoff-kremlin-spokesperson-says', NULL, NULL, NULL, 'Reports Peskov said Witkoff landed in Moscow on 13 March and met Putin late that evening; Putin passed signals to Trump.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (13, '480256ae12b8', NULL, 'https://www.politico.eu/article/witkoff-putin-meeting-moscow-trump-ceasefire-ukraine/', NULL, NULL, NULL, 'Dated 13 March 2025: Ushakov said the Witkoff-Putin meeting would take place that evening in a closed format.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (14, 'bfc2e793cc4c', NULL, 'https://kyivindependent.com/trump-putin-call-russia-agrees-to-30-day-pause-of-energy-infrastructure-strikes/', NULL, NULL, NULL, 'Dated 18 March 2025: Kremlin readout says Putin agreed in the call with Trump to a 30-day mutual pause on energy-infrastructure strikes and to Black Sea talks.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (15, 'bfc2e793cc4c', NULL, 'https://www.bluewin.ch/en/news/international/no-general-ceasefire-but-renunciation-of-attacks-against-energy-facilities-2612230.html', NULL, NULL, NULL, 'Dated 18 March 2025: no general ceasefire agreed, but a 30-day suspension of attacks on energy facilities and a 175-for-175 prisoner swap announced.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (16, '81f1ea140a9b', NULL, 'https://cdn.saudigazette.com.sa/article/650436/SAUDI-ARABIA/Agreement-reached-on-safe-navigation-in-the-Black-Sea-as-Riyadh-talks-conclude', NULL, NULL, NULL, 'Saudi Gazette, 26 March 2025: US experts met Ukrainian and Russian representatives separately in Riyadh on 23-25 March.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (17, '81f1ea140a9b', NULL, 'https://www.pravda.com.ua/eng/news/2025/03/25/7504387/', NULL, NULL, NULL, 'Dated 25 March 2025: the US-Russia talks in Riyadh on 24 March lasted about 12 hours with breaks.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (18, 'd3ab20fcf783', NULL, 'https://news.novyny.live/en/zustrich-v-er-riiadi-pro-shcho-domovilasia-ukrayina-iz-ssha-242839.html', NULL, NULL, NULL, 'Dated 25 March 2025: the White House statement that Tuesday said the sides agreed to ensure safe navigation in the Black Sea and to develop measures on the energy-strike ban.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (19, 'd3ab20fcf783', NULL, 'https://english.pravda.ru/news/world/161909-usa-rusia-negotiations/', NULL, NULL, NULL, 'Dated 25 March 2025: lists the White House outcomes of the Riyadh meetings, including safe Black Sea navigation and help for Russian agricultural exports.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (20, '7380b5a73ded', NULL, 'https://news.novyny.live/en/putin-ta-vitkoff-zavershili-peregovori-pershi-rezultati-246798.html', NULL, NULL, NULL, 'Dated 11 April 2025: Witkoff and Putin talked for about 4.5 hours in St Petersburg on Friday about a Ukraine settlement.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (21, '7380b5a73ded', NULL, 'https://www.sott.net/article/499002-Putins-latest-talks-with-Trumps-envoy-What-we-know-so-far', NULL, NULL, NULL, 'Reports the third known Witkoff-Putin meeting took place in St Petersburg on 11 April, lasting over four hours.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (22, '7a8cb4a86f11', NULL, 'https://www.upi.com/Top_News/World-News/2025/04/19/Putin-declares-Easter-truce-with-Ukraine/1221745078381/', NULL, NULL, NULL, 'Dated 19 April 2025: Putin declared on Saturday a 30-hour Easter truce from 6 p.m. through Sunday night; Zelensky and Sybiha voiced distrust.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (23, '7a8cb4a86f11', NULL, 'https://www.staradvertiser.com/2025/04/19/breaking-news/putin-declares-easter-ceasefire-but-ukraine-says-russia-still-firing/', NULL, NULL, NULL, 'Reuters copy of 19 April 2025: Putin ordered fighting to stop from 6 p.m. Moscow time until midnight Sunday.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (24, 'ee69ee7882cc', NULL, 'https://www.i24news.tv/en/news/ukraine-conflict/artc-putin-proposes-direct-negotiations-with-ukraine-after-3-years-of-war', NULL, NULL, NULL, 'Dated 11 May 2025: in a Kremlin statement on Sunday Putin proposed direct talks with Ukraine in Istanbul on 15 May without preconditions.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (25, 'ee69ee7882cc', NULL, 'https://censor.net/en/news/3551559/the-kremlin-leader-proposed-negotiations-with-ukraine-in-istanbul', NULL, NULL, NULL, 'Dated 11 May 2025: Putin made the offer at a press conference on the night of Sunday 11 May.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (26, 'ff84d84c41a9', NULL, 'https://unn.ua/en/news/meeting-in-istanbul-how-the-negotiations-between-ukraine-and-russia-ended-and-what-to-expect', NULL, NULL, NULL, 'Dated 16 May 2025: talks between Umerov''s and Medinsky''s delegations concluded in Istanbul that day.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (27, 'ff84d84c41a9', NULL, 'https://www.shine.cn/news/world/2505164726/', NULL, NULL, NULL, 'Xinhua copy of 16 May 2025: the two-hour Istanbul meeting chaired by Fidan ended with agreement to meet again.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (28, 'b2628ecaa4e7', NULL, 'https://news.liga.net/en/politics/news/istanbul-results-discussed-the-1000-for-1000-exchange-and-a-potential-meeting-between-zelenskyy-and-putin', NULL, NULL, NULL, 'Dated 16 May 2025: Umerov and Medinsky said the sides agreed a 1,000-for-1,000 swap and to set out ceasefire visions in writing.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (29, 'b2628ecaa4e7', NULL, 'https://www.independent.co.ug/russia-ukraine-agree-on-large-scale-pow-swap-further-talks-in-istanbul/', NULL, NULL, NULL, 'Xinhua copy: on Friday the delegations agreed a 1,000-each prisoner exchange and to share written ceasefire conditions.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (30, '22c9e8ffd057', NULL, 'https://tass.com/politics/1967455', NULL, NULL, NULL, 'TASS, Istanbul 2 June 2025: the round ended after about an hour; Russia handed over a memorandum and the sides agreed new prisoner exchanges.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (31, '22c9e8ffd057', NULL, 'https://www.wionews.com/world/russia-ukraine-talks-second-round-of-peace-negotiations-conclude-in-istanbul-after-an-hour-1748869852279', NULL, NULL, NULL, 'Dated 2 June 2025: Umerov said the sides agreed to swap all severely wounded and young POWs and 6,000 bodies each.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (32, '3b5ab58d775c', NULL, 'https://www.wionews.com/world/-24-to-48-hour-ceasefires-prisoners-swap-ukraine-russia-conclude-peace-talks-in-istanbul-as-kyiv-pushes-for-zelensky-putin-meeting-1753299653042', NULL, NULL, NULL, 'Reports the delegations met in Istanbul on Wednesday 23 July for under an hour and agreed to swap 1,200 POWs each.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (33, '3b5ab58d775c', NULL, 'https://news.online.ua/en/the-third-round-of-talks-between-ukraine-and-russia-ended-in-istanbul-details-895483/', NULL, NULL, NULL, 'Dated 23 July 2025: third round held that day; Ukraine proposed a leaders'' meeting by end of August.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (34, 'dedc74224650', NULL, 'https://www.themoscowtimes.com/2025/08/06/trump-claims-great-progress-made-during-putin-witkoff-meeting-in-moscow-a90106', NULL, NULL, NULL, 'Dated 6 August 2025: Witkoff met Putin in Moscow on Wednesday for about three hours; Trump said great progress was made.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (35, 'dedc74224650', NULL, 'https://www.tag24.com/world/russia/putin-and-us-envoy-witkoff-hold-constructive-talks-ahead-of-sanctions-deadline-3409839', NULL, NULL, NULL, 'Dated 6 August 2025: the Kremlin called the talks constructive, two days before the US deadline.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (36, '8864aab56d41', NULL, 'https://www.spokesman.com/stories/2025/aug/15/drawing-worlds-attention-trump-putin-summit-in-ala', NULL, NULL, NULL, 'Anchorage Daily News copy of 15 August 2025: the leaders met at Joint Base Elmendorf-Richardson and no comprehensive deal was reached.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (37, '8864aab56d41', NULL, 'https://nqtv365.com/?p=1025', NULL, NULL, NULL, 'Reports the nearly three-hour meeting in Anchorage on Friday 15 August failed to secure a ceasefire.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (38, '7bc5a249ad12', NULL, 'https://japantoday.com/category/world/trump-tells-zelenskiy-us-would-help-with-ukraine%27s-security-in-a-peace-deal2', NULL, NULL, NULL, 'Reuters copy dated 19 August 2025: on Monday Trump hosted Zelensky and European leaders and said the US would help guarantee Ukraine''s security.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (39, '7bc5a249ad12', NULL, 'https://www.eunews.it/en/2025/08/19/west-regains-unity-on-ukraine-with-work-underway-on-security-guarantees-and-a-putin-zelensky-bilateral-meeting', NULL, NULL, NULL, 'Dated 19 August 2025: describes the 18 August White House meeting with Macron, Meloni, Merz, Starmer, Stubb, von der Leyen and Rutte.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (40, '5a26fac0e6e1', NULL, 'https://sfg.media/en/a/zelensky-ready-work-with-trump-admin-new-war-end-plan', NULL, NULL, NULL, 'Reports that on Thursday 20 November Driscoll handed Zelensky a copy of the US plan in Kyiv and Zelensky agreed to work on it.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (41, '5a26fac0e6e1', NULL, 'https://www.thehawk.in/news/world/us-army-secretary-optimistic-after-kyiv-talks-on-new-ukraine-peace-plan-white-house', NULL, NULL, NULL, 'IANS copy of 21 November 2025: the White House said Driscoll was optimistic after meeting Zelensky in Kyiv on the new 28-point plan.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (42, '27d9358a84c4', NULL, 'https://www.hurriyetdailynews.com/amp/washington-kiev-say-a-peace-deal-must-fully-uphold-ukraine-sovereignty-216056', NULL, NULL, NULL, 'Dated 23 November 2025: Rubio and Yermak reported progress after Geneva talks on the US proposal.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (43, '27d9358a84c4', NULL, 'https://news.cgtn.com/news/2025-11-24/U-S-Ukraine-say-Geneva-talks-make-progress-but-differences-remain-1IyjKaOKP04/p.html', NULL, NULL, NULL, 'Reports the Geneva meetings on Sunday: Ukraine met UK, French and German advisers, then the US delegation.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (44, 'e85686bfb718', NULL, 'https://tass.com/world/2048565', NULL, NULL, NULL, 'Dated 25 November 2025: citing CBS and Politico, Driscoll met the Russian delegation in Abu Dhabi on Monday evening and again on Tuesday with a plan cut to 19 points.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (45, 'db3e9859a98b', NULL, 'https://www.newsmax.com/newsfront/steve-witkoff-jared-kushner-donald-trump/2025/12/03/id/1236999/', NULL, NULL, NULL, 'Dated 3 December 2025: Trump said Witkoff and Kushner held a five-hour meeting with Putin at the Kremlin on Tuesday.', NULL, NULL, 0);
INSERT INTO public.sources VALUES (46, 'db3e9859a98b', NULL, 'https://www.breitbart.com/europe/2025/12/02/trump-envoys-meet-putin-moscow/', NULL, NULL, NULL, 'Dated 2 December 2025: the two envoys met Putin, Ushakov and Dmitriev in Moscow that Tuesday to promote the US plan.', NULL, NULL, 1);
INSERT INTO public.sources VALUES (47, '32d3fbb7b28f', '0cfb226a97e17e970d10255f5d3ca12a6df72d9a', NULL, NULL, NULL, '2025-05-16', 'Umerov told reporters after the session that both sides had agreed to exchange 1,000 prisoners of war each.', 515, 622, 0);
INSERT INTO public.sources VALUES (48, '6b5a6de39288', '0cfb226a97e17e970d10255f5d3ca12a6df72d9a', NULL, NULL, NULL, '2025-05-16', 'Medinsky said Moscow was satisfied with the outcome and was ready to continue contacts.', 623, 710, 0);
INSERT INTO public.sources VALUES (49, '6c3e1979026b', '0cfb226a97e17e970d10255f5d3ca12a6df72d9a', NULL, NULL, NULL, '2025-05-16', 'Ukrainian President Volodymyr Zelensky had arrived in Ankara on Thursday, where he held talks with Turkish President Recep Tayyip Erdogan.', 712, 850, 0);
INSERT INTO public.sources VALUES (50, '2ee5920b9d5b', '0cfb226a97e17e970d10255f5d3ca12a6df72d9a', NULL, NULL, NULL, '2025-05-16', 'Ukrainian President Volodymyr Zelensky had arrived in Ankara on Thursday, where he held talks with Turkish President Recep Tayyip Erdogan.', 712, 850, 0);
INSERT INTO public.sources VALUES (51, '6f19fd07963d', '0cfb226a97e17e970d10255f5d3ca12a6df72d9a', NULL, NULL, NULL, '2025-05-16', 'US Secretary of State Marco Rubio is expected to meet Ukrainian officials in Istanbul on Saturday, a State Department spokeswoman said.', 952, 1087, 0);
INSERT INTO public.sources VALUES (52, 'e49a36be6f62', '0cfb226a97e17e970d10255f5d3ca12a6df72d9a', NULL, NULL, NULL, '2025-05-16', 'US Secretary of State Marco Rubio is expected to meet Ukrainian officials in Istanbul on Saturday, a State Department spokeswoman said.', 952, 1087, 0);
INSERT INTO public.sources VALUES (53, '456d77aa78a6', 'b94f3e51c59ad498bf82d0aaf7b8531e72dc1c6a', NULL, NULL, NULL, '2025-05-16', 'Ukraine said on Tuesday it was ready to accept a US proposal for an immediate 30-day ceasefire with Russia, after more than eight hours of talks between American and Ukrainian officials in the Saudi city of Jeddah.', 78, 292, 0);
INSERT INTO public.sources VALUES (54, '185686ce2c13', 'b94f3e51c59ad498bf82d0aaf7b8531e72dc1c6a', NULL, NULL, NULL, '2025-05-16', 'Ukraine said on Tuesday it was ready to accept a US proposal for an immediate 30-day ceasefire with Russia, after more than eight hours of talks between American and Ukrainian officials in the Saudi city of Jeddah.', 78, 292, 0);
INSERT INTO public.sources VALUES (55, '0ccff1214fd9', 'b94f3e51c59ad498bf82d0aaf7b8531e72dc1c6a', NULL, NULL, NULL, '2025-05-16', 'Secretary of State Marco Rubio said Washington would now take the offer to Moscow.', 294, 376, 0);
INSERT INTO public.sources VALUES (56, '439db765a4ab', 'b94f3e51c59ad498bf82d0aaf7b8531e72dc1c6a', NULL, NULL, NULL, '2025-05-16', 'In return, the United States agreed to immediately lift its pause on intelligence sharing and resume security assistance to Kyiv, according to a joint statement.', 452, 613, 0);
INSERT INTO public.sources VALUES (57, '93b4f8227956', 'b94f3e51c59ad498bf82d0aaf7b8531e72dc1c6a', NULL, NULL, NULL, '2025-05-16', 'Kremlin spokesman Dmitry Peskov said on Wednesday that Russia was waiting for details of the proposal from Washington and cautioned against getting ahead of events.', 615, 779, 0);
INSERT INTO public.sources VALUES (58, '18ce34248ad5', 'a16bc8b328f5e1140ec273e517b56729c5827e8a', 'https://wire.example.org/1', 'Mediation Wire', 'Envoys gather in Doha', '2024-10-25', 'Negotiators from Israel met Qatari mediators in Doha on Thursday, two officials said.', 23, 108, 0);
INSERT INTO public.sources VALUES (59, '229f8ba8ff48', 'ba9d97c7f10b5ab1fdd90b89bbeb0f79dc0c063c', 'https://wire.example.org/2', 'Mediation Wire', 'Delegation expected in Cairo', '2024-10-26', 'A Hamas delegation will travel to Cairo on Sunday for talks with Egyptian officials.', 30, 114, 0);
INSERT INTO public.sources VALUES (60, '11d5e0a29a7d', 'ba9d97c7f10b5ab1fdd90b89bbeb0f79dc0c063c', 'https://wire.example.org/2', 'Mediation Wire', 'Delegation expected in Cairo', '2024-10-26', 'A Hamas delegation will travel to Cairo on Sunday for talks with Egyptian officials.', 30, 114, 0);


--
-- Name: actors_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.actors_id_seq', 44, true);


--
-- Name: sources_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sources_id_seq', 60, true);


--
-- Name: actors actors_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.actors
    ADD CONSTRAINT actors_name_key UNIQUE (name);


--
-- Name: actors actors_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.actors
    ADD CONSTRAINT actors_pkey PRIMARY KEY (id);


--
-- Name: documents documents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_pkey PRIMARY KEY (id);


--
-- Name: event_actors event_actors_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_actors
    ADD CONSTRAINT event_actors_pkey PRIMARY KEY (event_id, actor_id);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (id);


--
-- Name: sources sources_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sources
    ADD CONSTRAINT sources_pkey PRIMARY KEY (id);


--
-- Name: ix_documents_content_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_documents_content_hash ON public.documents USING btree (content_hash);


--
-- Name: ix_documents_url; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_documents_url ON public.documents USING btree (url);


--
-- Name: ix_event_actors_actor_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_event_actors_actor_id ON public.event_actors USING btree (actor_id);


--
-- Name: ix_events_location; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_events_location ON public.events USING btree (location);


--
-- Name: ix_events_origin; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_events_origin ON public.events USING btree (origin);


--
-- Name: ix_events_start_end; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_events_start_end ON public.events USING btree (date_start, date_end);


--
-- Name: ix_events_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_events_status ON public.events USING btree (status);


--
-- Name: ix_events_type_start; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_events_type_start ON public.events USING btree (type, date_start);


--
-- Name: ix_sources_document_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_sources_document_id ON public.sources USING btree (document_id);


--
-- Name: ix_sources_event_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_sources_event_id ON public.sources USING btree (event_id);


--
-- Name: event_actors event_actors_actor_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_actors
    ADD CONSTRAINT event_actors_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.actors(id);


--
-- Name: event_actors event_actors_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_actors
    ADD CONSTRAINT event_actors_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.events(id) ON DELETE CASCADE;


--
-- Name: sources sources_document_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sources
    ADD CONSTRAINT sources_document_id_fkey FOREIGN KEY (document_id) REFERENCES public.documents(id);


--
-- Name: sources sources_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sources
    ADD CONSTRAINT sources_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.events(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict 8Z8XsrCaKOPVcR6aB0seYAMISLI2WfvDFekpYa7MhSaOETmvMbCcIFdiP8x6WTz

