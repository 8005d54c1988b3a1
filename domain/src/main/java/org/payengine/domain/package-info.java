package org.payengine.domain;
